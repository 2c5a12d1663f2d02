import { Alert, SimpleGrid, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ChannelOutput } from '../../../shared/contract';
import type { ConnectionReport } from '../../../shared/contract/central';
import { formatCount, plural } from '../../ui/format';

export type Outcome =
  | { kind: 'tested'; report: ConnectionReport }
  | { kind: 'connected'; server: string; uploaded: ChannelOutput<'central.connect'>['uploaded'] | null };

function Fact({ label, value, full }: { label: string; value: string; full?: string }) {
  return (
    <div title={full}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </div>
  );
}

/** "15.8 (Debian 15.8-0+deb12u1)" or "PostgreSQL 15.8 on x86_64…" → "15.8". */
const shortVersion = (version: string): string => /^(?:PostgreSQL )?(\d+(?:\.\d+)*)/.exec(version)?.[1] ?? version;

function TestReport({ report }: { report: ConnectionReport }) {
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Connection works" role="status">
      <SimpleGrid cols={4} spacing="md" mt={4}>
        <Fact label="TLS" value={report.tlsVersion} />
        <Fact label="PostgreSQL" value={shortVersion(report.serverVersion)} full={report.serverVersion} />
        <Fact label="Round trip" value={`${formatCount(Math.round(report.roundTripMs))} ms`} />
        <Fact label="Schema version" value={String(report.schemaVersion)} />
      </SimpleGrid>
    </Alert>
  );
}

/** The joining owner or manager goes up first; `users` counts the rest of the team. */
function copied({ users, items, movements }: NonNullable<Extract<Outcome, { kind: 'connected' }>['uploaded']>) {
  const people = users > 0 ? `you, ${plural(users, 'other team member')}` : 'you';
  return `${people}, ${plural(items, 'item')} and ${plural(movements, 'stock movement')}`;
}

function Connected({ server, uploaded }: Extract<Outcome, { kind: 'connected' }>) {
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconCircleCheck size={18} />}
      title={`Connected to ${server}`}
      role="status"
    >
      {uploaded
        ? `Copied to the server: ${copied(uploaded)}. From now on this computer syncs with it.`
        : 'This computer now syncs with it.'}
    </Alert>
  );
}

/** Under the connection form: what the last test or connection found, or why it failed. */
export function ConnectionOutcome({ outcome, error }: { outcome: Outcome | null; error: string | undefined }) {
  if (error) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Cannot connect" role="alert">
        {error}
      </Alert>
    );
  }
  if (outcome?.kind === 'tested') return <TestReport report={outcome.report} />;
  if (outcome?.kind === 'connected') return <Connected {...outcome} />;
  return null;
}

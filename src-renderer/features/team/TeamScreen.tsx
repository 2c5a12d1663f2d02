import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { useSignedIn } from '../auth/signed-in';
import { useCentralSettings } from '../central/central-api';
import { AddMemberDialog } from './AddMemberDialog';
import { ComputersTable } from './ComputersTable';
import { ResetCodeDialog } from './ResetCodeDialog';
import { TeamTable } from './TeamTable';
import { type IssuedCode, useTeam } from './team-api';

/** Owners and managers: who can sign in, in which role, and help for a forgotten password. */
export function TeamScreen() {
  const { restaurant } = useSignedIn();
  const team = useTeam();
  const central = useCentralSettings();
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [showingCode, setShowingCode] = useState(false);
  const showCode = (code: IssuedCode) => {
    setIssued(code);
    setShowingCode(true);
  };

  return (
    <Page>
      <PageHeader
        title="Team"
        description={`Who can sign in to ${restaurant.name}, and what they may do.`}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
            Add team member
          </Button>
        }
      />
      {team.isPending && (
        <Center py="xl">
          <Loader aria-label="Loading the team" />
        </Center>
      )}
      {team.isError && (
        <Alert color="red" title="The team could not be loaded">
          {team.error.message}
        </Alert>
      )}
      {team.data && <TeamTable members={team.data} onCodeIssued={showCode} />}
      {central.data?.settings && (
        <Stack mt="lg">
          <ComputersTable />
        </Stack>
      )}
      <AddMemberDialog opened={adding} onClose={() => setAdding(false)} />
      <ResetCodeDialog opened={showingCode} issued={issued} onClose={() => setShowingCode(false)} />
    </Page>
  );
}

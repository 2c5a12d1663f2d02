import { Button, Divider, Group, Stack } from '@mantine/core';
import { IconPlugConnected, IconServerCog } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { type CentralSettings, connectInput } from '../../../shared/contract/central';
import { Form } from '../../forms/Form';
import { PasswordField, TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { ConnectionOutcome, type Outcome } from './ConnectionOutcome';
import { serverName, useConnect, useTestConnection } from './central-api';
import { JoinDialog } from './JoinDialog';
import { type ServerAddress, ServerAddressFields } from './ServerAddressFields';

const blankToUndefined = (text: string | undefined) => (text ? text : undefined);

function useConnectionForm(settings: CentralSettings['settings']) {
  return useContractForm(connectInput, {
    defaultValues: settings
      ? { ...settings, password: '', ownerPassword: '' }
      : { host: '', port: 5432, database: '', user: '', caFile: '', password: '', ownerPassword: '' },
    // Blank passwords are not sent: the core then uses the one saved in the keychain.
    normalise: (values) => ({
      ...values,
      password: blankToUndefined(values.password),
      ownerPassword: blankToUndefined(values.ownerPassword),
    }),
  });
}

interface ConnectionFormProps {
  current: CentralSettings;
  /** Set when connecting copies this restaurant up: its name, for the confirmation. */
  joining?: string;
  onConnected?: (server: string, result: ChannelOutput<'central.connect'>) => void;
  /** "Set up server…", with what the form holds so far. */
  onSetUp: (address: ServerAddress & { user: string }) => void;
  /** More buttons on the left of the form's own (e.g. Disconnect). */
  extraActions?: ReactNode;
  /** Puts the cursor in Host (when the form is the whole screen). */
  autoFocus?: boolean;
}

/** Host, port, database, user, CA bundle and password; "Test connection" and "Connect this computer". */
export function ConnectionForm(props: ConnectionFormProps) {
  const { current, joining, onConnected, onSetUp, extraActions, autoFocus = false } = props;
  const form = useConnectionForm(current.settings);
  const test = useTestConnection();
  const connect = useConnect();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { errors } = form.formState;

  useEffect(() => {
    if (autoFocus) form.setFocus('host');
  }, [form, autoFocus]);

  // What was found no longer describes the fields once they change.
  useEffect(() => {
    const subscription = form.watch(() => setOutcome(null));
    return () => subscription.unsubscribe();
  }, [form]);

  const runTest = form.handleSubmit(({ ownerPassword: _, ...connection }) => {
    setOutcome(null);
    test.mutate(connection, {
      onSuccess: (report) => setOutcome({ kind: 'tested', report }),
      onError: (error) => showBridgeError(form, error),
    });
  });

  const runConnect = form.handleSubmit((values) => {
    setOutcome(null);
    const server = serverName(values);
    connect.mutate(values, {
      onSuccess: (result) => {
        setConfirming(false);
        form.reset({ ...values, password: '', ownerPassword: '' });
        setOutcome({ kind: 'connected', server, uploaded: joining ? result.uploaded : null });
        onConnected?.(server, result);
      },
      onError: (error) => {
        showBridgeError(form, error);
        // Only the owner's password is asked in the dialog; anything else is shown on the form.
        if (!form.getFieldState('ownerPassword').error) setConfirming(false);
      },
    });
  });

  const askToJoin = form.handleSubmit(() => setConfirming(true));

  return (
    <>
      <Form form={form} onSubmit={joining ? askToJoin : runConnect} aria-label="Central server connection">
        <Stack gap="md">
          <ServerAddressFields form={form}>
            <TextField form={form} name="user" label="User" withAsterisk autoComplete="off" spellCheck={false} />
          </ServerAddressFields>
          <PasswordField
            form={form}
            name="password"
            label="Password"
            withAsterisk={!current.passwordSaved}
            description={
              current.passwordSaved
                ? 'Saved in the keychain — leave blank to keep it'
                : "Of the database user; kept in this computer's keychain"
            }
            placeholder={current.passwordSaved ? 'Saved in the keychain' : undefined}
            autoComplete="new-password"
          />
          <ConnectionOutcome outcome={outcome} error={errors.root?.server?.message} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={runTest} loading={test.isPending}>
              Test connection
            </Button>
            <Button type="submit" leftSection={<IconPlugConnected size={16} />} loading={connect.isPending}>
              {current.settings ? 'Save and reconnect' : 'Connect this computer'}
            </Button>
          </Group>
          <Divider />
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconServerCog size={14} />}
              onClick={() => {
                const { host, port, database, caFile, user } = form.getValues();
                onSetUp({ host, port, database, caFile, user });
              }}
            >
              Set up server…
            </Button>
            {extraActions}
          </Group>
        </Stack>
      </Form>
      {joining && (
        <JoinDialog
          opened={confirming}
          restaurant={joining}
          server={serverName(form.getValues())}
          password={
            <PasswordField
              form={form}
              name="ownerPassword"
              label="Your password"
              description="To confirm that you, an owner or manager, are sending this restaurant's data"
              autoComplete="current-password"
              data-autofocus
            />
          }
          pending={connect.isPending}
          onConfirm={runConnect}
          onCancel={() => {
            setConfirming(false);
            form.setValue('ownerPassword', '');
            form.clearErrors('ownerPassword');
          }}
        />
      )}
    </>
  );
}

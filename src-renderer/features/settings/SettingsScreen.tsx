import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { useSignOut } from '../auth/session';
import { useSignedIn } from '../auth/signed-in';
import { CentralServerPanel } from '../central/CentralServerPanel';
import { DeviceInfoPanel } from '../device/DeviceInfoPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

function SignOutPanel() {
  const { restaurant } = useSignedIn();
  const signOut = useSignOut();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="sign-out-title">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={2} fz="lg" id="sign-out-title">
            Sign out
          </Title>
          <Text size="sm" c="dimmed">
            Leave {restaurant.name} on this computer. Your data stays saved here.
          </Text>
        </div>
        <Button
          color="red"
          variant="light"
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate({})}
          loading={signOut.isPending}
          style={{ flexShrink: 0 }}
        >
          Sign out
        </Button>
      </Group>
    </Paper>
  );
}

export function SettingsScreen() {
  return (
    <Page>
      <PageHeader
        title="Profile & settings"
        description="Your details, your password, this computer and its central server."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Stack gap="lg">
          <ProfileForm />
          <CentralServerPanel />
        </Stack>
        <Stack gap="lg">
          <ChangePasswordForm />
          <DeviceInfoPanel />
          <SignOutPanel />
        </Stack>
      </SimpleGrid>
    </Page>
  );
}

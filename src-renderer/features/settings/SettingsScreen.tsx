import { SimpleGrid, Stack } from '@mantine/core';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { CentralServerPanel } from '../central/CentralServerPanel';
import { ComputerPanel } from '../computer/ComputerPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

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
          <ComputerPanel />
        </Stack>
      </SimpleGrid>
    </Page>
  );
}

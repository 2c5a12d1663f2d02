import { SimpleGrid, Stack } from '@mantine/core';
import { canManage } from '../../../shared/domain';
import { Page } from '../../ui/Page';
import { PageHeader } from '../../ui/PageHeader';
import { useSignedIn } from '../auth/signed-in';
import { CentralServerPanel } from '../central/CentralServerPanel';
import { ComputerPanel } from '../computer/ComputerPanel';
import { AboutPanel } from '../updates/AboutPanel';
import { BackupsPanel } from './BackupsPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { CurrencyForm } from './CurrencyForm';
import { ProfileForm } from './ProfileForm';

export function SettingsScreen() {
  const { user } = useSignedIn();
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
          {canManage(user.role) && <CurrencyForm />}
          <ComputerPanel />
          <AboutPanel />
        </Stack>
      </SimpleGrid>
      {/* Full width: a table with its actions. A restore replaces every account's data on this computer: an owner's or a manager's call. */}
      {canManage(user.role) && <BackupsPanel />}
    </Page>
  );
}

import { AppShell } from '@mantine/core';
import { useState } from 'react';
import { useSignedIn } from '../features/auth/signed-in';
import { InitialSyncDialog } from '../features/sync/InitialSyncDialog';
import { Navigation } from './Navigation';
import { StatusBar } from './StatusBar';
import { SCREENS, type ScreenId } from './screens';

/** The signed-in app: navigation on the left, the current screen, the status bar along the bottom. */
export function Shell() {
  const { user } = useSignedIn();
  const [current, setCurrent] = useState<ScreenId>('kitchen');
  const screens = SCREENS.filter((screen) => screen.visibleTo(user.role));
  const screen = screens.find((candidate) => candidate.id === current) ?? screens[0];

  return (
    <AppShell navbar={{ width: 232, breakpoint: 'xs' }} footer={{ height: 34 }} padding={0}>
      <AppShell.Navbar p="md" aria-label="Main">
        <Navigation screens={screens} current={screen?.id} onSelect={setCurrent} />
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">{screen?.render()}</AppShell.Main>
      <AppShell.Footer aria-label="Status">
        <StatusBar />
      </AppShell.Footer>
      <InitialSyncDialog />
    </AppShell>
  );
}

import { AppShell } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useSignedIn } from '../features/auth/signed-in';
import { InitialSyncDialog } from '../features/sync/InitialSyncDialog';
import { Navigation } from './Navigation';
import { SkipLink } from './SkipLink';
import { StatusBar } from './StatusBar';
import { SCREENS, type ScreenId } from './screens';

/** The signed-in app: navigation on the left, the current screen, the status bar along the bottom. */
export function Shell({ focusHeading }: { focusHeading: boolean }) {
  const { user } = useSignedIn();
  const [current, setCurrent] = useState<ScreenId>('kitchen');
  const screens = SCREENS.filter((screen) => screen.visibleTo(user.role));
  const screen = screens.find((candidate) => candidate.id === current) ?? screens[0];
  const main = useRef<HTMLElement>(null);
  // Just signed in: the sign-in form is gone and the focus with it, so the page's heading takes it.
  const focusOnArrival = useRef(focusHeading);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (focusOnArrival.current && lost) main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);

  return (
    <AppShell navbar={{ width: 232, breakpoint: 'xs' }} footer={{ height: 34 }} padding={0}>
      {screen && <SkipLink label={screen.skipTo} main={main} />}
      <AppShell.Navbar p="md" aria-label="Main">
        <Navigation screens={screens} current={screen?.id} onSelect={setCurrent} />
      </AppShell.Navbar>
      <AppShell.Main ref={main} id="main" bg="var(--mantine-color-gray-0)">
        {screen?.render()}
      </AppShell.Main>
      <AppShell.Footer aria-label="Status">
        <StatusBar />
      </AppShell.Footer>
      <InitialSyncDialog />
    </AppShell>
  );
}

import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { AuthScreen } from '../features/auth/AuthScreen';
import { useSession } from '../features/auth/session';
import { SignedInProvider } from '../features/auth/signed-in';
import { useChangeFeed } from '../features/sync/use-change-feed';
import { Shell } from './Shell';

/** Signed in → the back office; signed out → sign-in and registration. Both follow the core's changes. */
export function App() {
  const session = useSession();
  // Arriving from the sign-in screen, the focus goes to the page's heading (not after a reload).
  const [signedOutBefore, setSignedOutBefore] = useState(false);
  useEffect(() => {
    if (session.data === null) setSignedOutBefore(true);
  }, [session.data]);
  useChangeFeed();

  if (session.isPending) {
    return (
      <Center h="100dvh">
        <Loader aria-label="Opening KitchenGuard" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center h="100dvh">
        <Stack align="center" maw={420} ta="center">
          <Title order={2}>KitchenGuard could not start</Title>
          <Text c="dimmed">{session.error.message}</Text>
          <Button onClick={() => session.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  return session.data ? (
    <SignedInProvider value={session.data}>
      <Shell focusHeading={signedOutBefore} />
    </SignedInProvider>
  ) : (
    <AuthScreen />
  );
}

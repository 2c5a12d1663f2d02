import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useSystemStatus } from './system-status';

let shown = false;

/** Once per run: without an OS keychain the sign-in cannot be remembered, and people should know why. */
export function useKeychainNotice(): void {
  const keychain = useSystemStatus().data?.keychain;
  useEffect(() => {
    if (!keychain || keychain.available || shown) return;
    shown = true;
    notifications.show({
      id: 'keychain-unavailable',
      color: 'yellow',
      autoClose: 15_000,
      title: 'Sign-in will not be remembered',
      message:
        keychain.message ??
        'This computer has no keychain KitchenGuard can use, so you will sign in each time the app starts.',
    });
  }, [keychain]);
}

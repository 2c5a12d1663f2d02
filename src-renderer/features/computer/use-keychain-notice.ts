import { useEffect } from 'react';
import { computerNotice, notifyProblem } from '../../ui/notify';
import { useComputerStatus } from './computer-api';

let shown = false;

/** Once per run: without an OS keychain the sign-in cannot be remembered, and people should know why. */
export function useKeychainNotice(): void {
  const keychain = useComputerStatus().data?.keychain;
  useEffect(() => {
    if (!keychain || keychain.available || shown) return;
    shown = true;
    notifyProblem(
      'Sign-in will not be remembered',
      keychain.message ??
        'This computer has no keychain KitchenGuard can use, so you will sign in each time the app starts.',
      { color: 'yellow', id: computerNotice('keychain'), autoClose: 15_000 },
    );
  }, [keychain]);
}

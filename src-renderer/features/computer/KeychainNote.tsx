import { Alert } from '@mantine/core';
import { IconKeyOff } from '@tabler/icons-react';
import { useComputerStatus } from './computer-api';

/** In the app's words: the keychain library's own error goes to the log, not to the person. */
export const KEYCHAIN_MISSING =
  'This computer has no keychain KitchenGuard can use, so you will sign in each time the app starts.';

/**
 * Said where it matters and covers nothing: under the sign-in card, before signing in. Once signed
 * in, the status bar keeps a short "Sign-in not remembered" with this explanation.
 */
export function KeychainNote() {
  const keychain = useComputerStatus().data?.keychain;
  if (!keychain || keychain.available) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      w="100%"
      icon={<IconKeyOff size={18} />}
      title="Sign-in will not be remembered"
      role="note"
    >
      {KEYCHAIN_MISSING}
    </Alert>
  );
}

import { IconDatabaseImport } from '@tabler/icons-react';
import { QuietButton } from '../../ui/QuietButton';
import { useCentralSettings } from '../central/central-api';

/**
 * Under the sign-in card, beside the central server: the way in for a restaurant that used the old
 * KitchenGuard. Not on a computer set to sync: there the old data goes into the server, once, for all.
 */
export function LegacyLink({ onOpen }: { onOpen: () => void }) {
  const current = useCentralSettings().data;
  if (!current || current.settings) return null;
  return (
    <QuietButton icon={<IconDatabaseImport size={14} />} onClick={onOpen}>
      Bring over from the old KitchenGuard
    </QuietButton>
  );
}

import { IconServer } from '@tabler/icons-react';
import { QuietButton } from '../../ui/QuietButton';
import { configuredServer, useCentralSettings } from './central-api';

/** Under the sign-in card, out of the way: where this computer syncs, and the way to change it. */
export function CentralServerLink({ onOpen }: { onOpen: () => void }) {
  const current = useCentralSettings().data;
  if (!current) return null;
  const server = configuredServer(current);
  return (
    <QuietButton icon={<IconServer size={14} />} onClick={onOpen}>
      {server ? `Central server: ${server}` : 'Central server…'}
    </QuietButton>
  );
}

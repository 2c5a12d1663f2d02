import { Button } from '@mantine/core';
import type { ReactNode } from 'react';

/** A small grey button out of the way (under the sign-in card): a way elsewhere, never the main action. */
export function QuietButton({
  icon,
  onClick,
  children,
}: {
  icon: ReactNode;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      variant="subtle"
      color="gray"
      size="xs"
      leftSection={icon}
      onClick={onClick}
      styles={{ label: { fontWeight: 500 } }}
    >
      {children}
    </Button>
  );
}

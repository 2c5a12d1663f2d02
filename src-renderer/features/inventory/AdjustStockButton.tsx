import { Button, Popover } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { AdjustStockForm } from './AdjustStockForm';

/**
 * "Adjust" on a stock row: a small form right there — reason, amount, note, Enter saves.
 * The popover is only mounted while open: thousands of rows stay cheap to scroll.
 */
export function AdjustStockButton({ item }: { item: Item }) {
  const [opened, setOpened] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpened = useRef(false);

  // The button is mounted afresh when the popover closes: give it the focus back.
  useEffect(() => {
    if (wasOpened.current && !opened) button.current?.focus();
    wasOpened.current = opened;
  }, [opened]);

  const target = (
    <Button
      ref={button}
      size="compact-sm"
      variant="light"
      aria-label={`Adjust stock of ${item.name}`}
      onClick={() => setOpened((open) => !open)}
    >
      Adjust
    </Button>
  );
  if (!opened) return target;

  return (
    // Under the row (above it near the bottom of the list), never over it: its name and on hand stay in view.
    <Popover opened onChange={setOpened} trapFocus position="bottom-end" withArrow shadow="lg" width={430}>
      <Popover.Target>{target}</Popover.Target>
      <Popover.Dropdown aria-label={`Adjust stock of ${item.name}`} p="md">
        <AdjustStockForm item={item} onDone={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}

import { Popover } from '@mantine/core';
import type { Item } from '../../../shared/contract/inventory';
import { AdjustStockForm } from './AdjustStockForm';
import { RowPopupButton } from './RowPopupButton';
import classes from './StockTable.module.css';

/**
 * "Adjust" on a stock row: a small form right there — reason, amount, note, Enter saves.
 * The popover is only mounted while open: thousands of rows stay cheap to scroll.
 */
export function AdjustStockButton({ item }: { item: Item }) {
  const label = `Adjust stock of ${item.name}`;
  return (
    <RowPopupButton
      label={label}
      className={classes.adjust}
      opens="dialog"
      popup={(target, { setOpened, close }) => (
        // Under the row (above it near the bottom of the list), never over it: its name and on hand stay in view.
        <Popover opened onChange={setOpened} trapFocus position="bottom-end" withArrow shadow="lg" width={430}>
          <Popover.Target>{target}</Popover.Target>
          <Popover.Dropdown aria-label={label} p="md">
            <AdjustStockForm item={item} onDone={() => close()} />
          </Popover.Dropdown>
        </Popover>
      )}
    >
      Adjust
    </RowPopupButton>
  );
}

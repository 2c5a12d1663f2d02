import { Menu } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { AdjustStockButton } from './AdjustStockButton';
import { RowPopupButton } from './RowPopupButton';
import classes from './StockTable.module.css';
import type { ItemAction } from './stock-actions';

/** Room for Adjust, History and (owners and managers) More, with the cell's padding. */
export const rowActionsWidth = (canManage: boolean): string => (canManage ? '162px' : '128px');

interface ItemRowActionsProps {
  item: Item;
  canManage: boolean;
  onAction: (action: ItemAction) => void;
}

/** Edit and delete, less often needed than counting stock: one button's menu, mounted while open. */
function MoreActions({ item, onAction }: Omit<ItemRowActionsProps, 'canManage'>) {
  return (
    <RowPopupButton
      label={`More actions for ${item.name}`}
      className={classes.iconButton}
      title="More"
      opens="menu"
      popup={(target, { setOpened, close }) => {
        // The dialog opens once the menu has gone and its button has the focus: it gives the focus back there.
        const choose = (kind: 'edit' | 'delete') => () => close(() => onAction({ kind, item }));
        return (
          <Menu opened onChange={setOpened} position="bottom-end" shadow="md" width={160}>
            <Menu.Target>{target}</Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={choose('edit')}>
                Edit
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={choose('delete')}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        );
      }}
    >
      <span className={`${classes.icon} ${classes.more}`} aria-hidden />
    </RowPopupButton>
  );
}

/** Adjust and history for everyone; edit and delete (under "More") for owners and managers. */
export const ItemRowActions = memo(function ItemRowActions({ item, canManage, onAction }: ItemRowActionsProps) {
  return (
    <div className={classes.actions}>
      <AdjustStockButton item={item} />
      <button
        type="button"
        className={classes.iconButton}
        aria-label={`History of ${item.name}`}
        title="History"
        onClick={() => onAction({ kind: 'history', item })}
      >
        <span className={`${classes.icon} ${classes.history}`} aria-hidden />
      </button>
      {canManage && <MoreActions item={item} onAction={onAction} />}
    </div>
  );
});

import { ActionIcon } from '@mantine/core';
import { IconHistory, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Item } from '../../../shared/contract/inventory';
import { AdjustStockButton } from './AdjustStockButton';
import classes from './StockTable.module.css';
import type { ItemAction } from './stock-actions';

interface ItemRowActionsProps {
  item: Item;
  canManage: boolean;
  onAction: (action: ItemAction) => void;
}

/** Adjust and history for everyone; edit and delete for owners and managers. */
export function ItemRowActions({ item, canManage, onAction }: ItemRowActionsProps) {
  const open = (kind: 'edit' | 'delete' | 'history') => () => onAction({ kind, item });
  return (
    <div className={classes.actions}>
      <AdjustStockButton item={item} />
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`History of ${item.name}`}
        title="History"
        onClick={open('history')}
      >
        <IconHistory size={18} />
      </ActionIcon>
      {canManage && (
        <>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Edit ${item.name}`}
            title="Edit"
            onClick={open('edit')}
          >
            <IconPencil size={18} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete ${item.name}`}
            title="Delete"
            onClick={open('delete')}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </>
      )}
    </div>
  );
}

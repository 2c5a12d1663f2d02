import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconHistory, IconPencil, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { AdjustStockButton } from './AdjustStockButton';
import classes from './StockTable.module.css';
import type { ItemAction } from './stock-actions';

/** Room for Adjust, History and (owners and managers) More, with the cell's padding. */
export const rowActionsWidth = (canManage: boolean): string => (canManage ? '162px' : '128px');

/** Big enough to hit easily (WCAG 2.5.8 asks 24 px at least), small enough that names keep their room. */
const ICON_BUTTON = 32;

interface ItemRowActionsProps {
  item: Item;
  canManage: boolean;
  onAction: (action: ItemAction) => void;
}

/** Edit and delete, less often needed than counting stock: one button's menu. */
function MoreActions({ item, onAction }: Omit<ItemRowActionsProps, 'canManage'>) {
  const target = useRef<HTMLButtonElement>(null);
  // The menu's items go as it closes: the dialog they open must give the focus back to this button.
  const choose = (kind: 'edit' | 'delete') => () => {
    target.current?.focus();
    onAction({ kind, item });
  };
  return (
    <Menu position="bottom-end" shadow="md" width={160}>
      <Menu.Target>
        <ActionIcon
          ref={target}
          size={ICON_BUTTON}
          variant="subtle"
          color="gray"
          aria-label={`More actions for ${item.name}`}
          title="More"
        >
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
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
}

/** Adjust and history for everyone; edit and delete (under "More") for owners and managers. */
export function ItemRowActions({ item, canManage, onAction }: ItemRowActionsProps) {
  return (
    <div className={classes.actions}>
      <AdjustStockButton item={item} />
      <ActionIcon
        size={ICON_BUTTON}
        variant="subtle"
        color="gray"
        aria-label={`History of ${item.name}`}
        title="History"
        onClick={() => onAction({ kind: 'history', item })}
      >
        <IconHistory size={18} />
      </ActionIcon>
      {canManage && <MoreActions item={item} onAction={onAction} />}
    </div>
  );
}

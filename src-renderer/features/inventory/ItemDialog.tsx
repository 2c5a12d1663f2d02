import { Modal } from '@mantine/core';
import { memo } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import type { Area } from '../../../shared/domain';
import { CountUnitsEditor } from './CountUnitsEditor';
import { ItemForm, type ItemSuggestions } from './ItemForm';

interface ItemDialogProps {
  opened: boolean;
  area: Area;
  item?: Item;
  suggestions: ItemSuggestions;
  onClose: () => void;
  /** Once it has closed (e.g. to put the focus somewhere if what opened it is gone). */
  onClosed?: () => void;
}

export const ItemDialog = memo(function ItemDialog({
  opened,
  area,
  item,
  suggestions,
  onClose,
  onClosed,
}: ItemDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      title={item ? `Edit ${item.name}` : `Add a ${area} item`}
      size="lg"
    >
      <ItemForm key={item?.id ?? 'new'} area={area} item={item} suggestions={suggestions} onDone={onClose} />
      {item && <CountUnitsEditor item={item} />}
    </Modal>
  );
});

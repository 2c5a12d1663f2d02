import { Button, Group, Modal, Text } from '@mantine/core';
import { memo } from 'react';
import type { Item } from '../../../shared/contract/inventory';
import { notifyDone } from '../../ui/notify';
import { useDeleteItem } from './inventory-api';

/** Deleting asks first. The item leaves the list; its movements stay in the records. */
interface DeleteItemDialogProps {
  opened: boolean;
  item: Item | undefined;
  onClose: () => void;
  /** Once it has closed: the row whose button opened it is gone. */
  onClosed?: () => void;
}

export const DeleteItemDialog = memo(function DeleteItemDialog({
  opened,
  item,
  onClose,
  onClosed,
}: DeleteItemDialogProps) {
  const remove = useDeleteItem();
  const confirm = () =>
    item &&
    remove.mutate(
      { id: item.id },
      {
        onSuccess: () => {
          notifyDone(`${item.name} deleted.`);
          onClose();
        },
      },
    );

  return (
    <Modal
      opened={opened && item !== undefined}
      onClose={onClose}
      onExitTransitionEnd={onClosed}
      title={item ? `Delete ${item.name}?` : ''}
      size="sm"
    >
      <Text size="sm">
        It disappears from the {item?.area} list and from the stock value. Its history stays on record. This cannot be
        undone.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} data-autofocus>
          Keep it
        </Button>
        <Button color="red" onClick={confirm} loading={remove.isPending}>
          Delete item
        </Button>
      </Group>
    </Modal>
  );
});

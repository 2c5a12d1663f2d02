import { Button, Group, Modal, Stack } from '@mantine/core';
import { channels } from '../../../shared/contract';
import type { StorageArea } from '../../../shared/contract/storage';
import type { Area } from '../../../shared/domain';
import { Form } from '../../forms/Form';
import { FormAlert } from '../../forms/FormAlert';
import { TextField } from '../../forms/fields';
import { showBridgeError } from '../../forms/show-bridge-error';
import { useContractForm } from '../../forms/use-contract-form';
import { notifyDone } from '../../ui/notify';
import { useCreateStorageArea, useRenameStorageArea } from './storage-api';

interface StorageAreaNameDialogProps {
  opened: boolean;
  area: Area;
  /** The storage area being renamed; absent for a new one. */
  renaming?: StorageArea;
  onClose: () => void;
  onSaved?: (saved: StorageArea) => void;
}

/** A new storage area's name, or a new name for one: the same field, checked by the contract. */
export function StorageAreaNameDialog({ opened, area, renaming, onClose, onSaved }: StorageAreaNameDialogProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={renaming ? `Rename ${renaming.name}` : `New ${area} storage area`}
      size="sm"
    >
      <NameForm key={renaming?.id ?? 'new'} area={area} renaming={renaming} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function NameForm({ area, renaming, onClose, onSaved }: Omit<StorageAreaNameDialogProps, 'opened'>) {
  const create = useCreateStorageArea();
  const rename = useRenameStorageArea();
  const form = useContractForm(channels['storage.createArea'].input, {
    defaultValues: { area, name: renaming?.name ?? '' },
  });
  const saved = (verb: string) => (storageArea: StorageArea) => {
    notifyDone(`${storageArea.name} ${verb}.`);
    onSaved?.(storageArea);
    onClose();
  };
  const onError = (error: unknown) => showBridgeError(form, error);
  const submit = form.handleSubmit(({ name }) => {
    if (renaming) rename.mutate({ id: renaming.id, name }, { onSuccess: saved('renamed'), onError });
    else create.mutate({ area, name }, { onSuccess: saved('added'), onError });
  });
  return (
    <Form form={form} onSubmit={submit}>
      <Stack gap="md">
        <FormAlert form={form} />
        <TextField
          form={form}
          name="name"
          label="Name"
          withAsterisk
          data-autofocus
          placeholder={area === 'bar' ? 'e.g. Back bar, Cellar' : 'e.g. Walk-in cooler, Dry store'}
          autoComplete="off"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || rename.isPending}>
            {renaming ? 'Rename' : 'Add storage area'}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}

/**
 * `/` on the count sheet: type part of a name; Enter (or a click) jumps to a line of this storage
 * area, or puts an item that is not on its shelf there and adds its line to the sheet.
 */
import { Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { CountSummary, SheetItem } from '../../../shared/contract/counts';
import type { Item } from '../../../shared/contract/inventory';
import { toBridgeError } from '../../api/bridge-error';
import { invoke } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { useStock } from '../inventory/inventory-api';
import { useStorage } from '../storage/storage-api';
import classes from './CountSheet.module.css';
import type { SheetLine } from './sheet-lines';

const SHOWN = 8;

interface FindItemDialogProps {
  count: CountSummary;
  storageAreaId: string | null;
  storageAreaName: string;
  lines: readonly SheetLine[];
  onFound: (item: SheetItem) => void;
  onClose: () => void;
}

type Choice = { kind: 'jump'; line: SheetLine } | { kind: 'add'; item: Item };

const matches = (name: string, text: string) => name.toLowerCase().includes(text.trim().toLowerCase());

export function FindItemDialog({
  count,
  storageAreaId,
  storageAreaName,
  lines,
  onFound,
  onClose,
}: FindItemDialogProps) {
  const storage = useStorage();
  const side = storage.data?.areas.find((area) => area.id === storageAreaId)?.area ?? count.areas[0] ?? 'kitchen';
  const stock = useStock(side);
  const place = useChannelMutation('storage.placeItem', { invalidates: ['storage.list'] });
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  const onSheet = new Set(lines.map((line) => line.item.itemId));
  const choices: Choice[] =
    text.trim() === ''
      ? []
      : [
          ...lines.filter((line) => matches(line.item.name, text)).map((line) => ({ kind: 'jump' as const, line })),
          ...(storageAreaId === null ? [] : (stock.data?.items ?? []))
            .filter((item) => !onSheet.has(item.id) && matches(item.name, text))
            .map((item) => ({ kind: 'add' as const, item })),
        ].slice(0, SHOWN);

  const choose = async (choice: Choice | undefined) => {
    if (!choice) return;
    if (choice.kind === 'jump') return onFound(choice.line.item);
    const { item } = choice;
    try {
      if (storageAreaId) await place.mutateAsync({ storageAreaId, itemId: item.id });
      const { units } = await invoke('inventory.countUnits', { itemId: item.id });
      onFound({
        itemId: item.id,
        storageAreaId,
        mine: null,
        counted: null,
        conflict: false,
        recount: false,
        name: item.name,
        category: item.category,
        unit: item.unit,
        countUnits: units,
        expected: count.blind ? null : item.onHand,
        listed: false,
      });
    } catch (error) {
      setProblem(toBridgeError(error).message);
    }
  };

  return (
    // The sheet puts the focus on the line found (or back where `/` was pressed), not on what had it before.
    <Modal
      opened
      onClose={onClose}
      title="Find an item"
      transitionProps={{ duration: 0 }}
      size="md"
      returnFocus={false}
    >
      <Stack gap="xs">
        <TextInput
          data-autofocus
          label="Item name"
          description={`Enter jumps to its line, or puts it on the shelf of ${storageAreaName} and comes back`}
          value={text}
          error={problem}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setActive(0);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((at) => Math.min(at + 1, choices.length - 1));
            else if (event.key === 'ArrowUp') setActive((at) => Math.max(at - 1, 0));
            else if (event.key === 'Enter') void choose(choices[active]);
            else return;
            event.preventDefault();
          }}
          aria-controls="count-find-choices"
          aria-activedescendant={choices[active] ? `count-find-${active}` : undefined}
        />
        <div id="count-find-choices" role="listbox" aria-label="Items found">
          {choices.map((choice, index) => (
            <UnstyledButton
              key={choice.kind === 'jump' ? choice.line.key : choice.item.id}
              id={`count-find-${index}`}
              role="option"
              aria-selected={index === active}
              className={classes.choice}
              tabIndex={-1}
              onClick={() => void choose(choice)}
            >
              {choice.kind === 'jump' ? (
                <Text size="sm">
                  {choice.line.item.name}{' '}
                  <Text span size="xs" c="dimmed">
                    line {lines.indexOf(choice.line) + 1}
                  </Text>
                </Text>
              ) : (
                <Text size="sm">
                  {choice.item.name}{' '}
                  <Text span size="xs" c="grape.7">
                    not on this shelf: add it to {storageAreaName}
                  </Text>
                </Text>
              )}
            </UnstyledButton>
          ))}
          {text.trim() !== '' && choices.length === 0 && (
            <Text size="sm" c="dimmed">
              No item of the {side} is called that.
            </Text>
          )}
        </div>
      </Stack>
    </Modal>
  );
}

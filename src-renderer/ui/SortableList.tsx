/**
 * A list in an order people set: drag a row by its handle, or focus a row and press Alt+↑ / Alt+↓.
 * Each move is announced for screen readers ("Rice moved to place 2 of 5"), and the focus stays on
 * the moved row. The list only reports moves (`onMove`); its owner keeps the order.
 */
import { closestCenter, DndContext, type DragEndEvent, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import classes from './SortableList.module.css';

export interface SortableRow {
  id: string;
  label: string;
}

interface SortableListProps<T extends SortableRow> {
  rows: readonly T[];
  /** What the list is, for screen readers: "Dry store shelf". */
  label: string;
  onMove: (row: T, toIndex: number) => void;
  /** What a row shows after its label (counts, buttons). */
  extra?: (row: T) => ReactNode;
  /** False: shown in order, not moved (someone who may not reorder it). */
  movable?: boolean;
  /** The row picked (a storage area whose shelf is shown): clicking a row picks it. */
  selectedId?: string | null;
  onSelect?: (row: T) => void;
}

export function SortableList<T extends SortableRow>({
  rows,
  label,
  onMove,
  extra,
  movable = true,
  selectedId,
  onSelect,
}: SortableListProps<T>) {
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLDivElement>(null);
  // A few pixels before a drag starts: a click on the row still picks it.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  function move(row: T, toIndex: number, refocus: boolean) {
    const to = Math.max(0, Math.min(rows.length - 1, toIndex));
    if (to === rows.findIndex((one) => one.id === row.id)) return;
    onMove(row, to);
    setAnnouncement(`${row.label} moved to place ${to + 1} of ${rows.length}`);
    if (refocus)
      requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-row-id="${row.id}"]`)?.focus());
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const row = rows.find((one) => one.id === active.id);
    const to = rows.findIndex((one) => one.id === over?.id);
    if (row && to >= 0) move(row, to, false);
  };

  return (
    <>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={rows.map((row) => row.id)} strategy={verticalListSortingStrategy}>
          <div ref={list} className={classes.list} aria-label={label} role="listbox">
            {rows.map((row, index) => (
              <Item
                key={row.id}
                row={row}
                index={index}
                count={rows.length}
                selected={row.id === selectedId}
                onSelect={onSelect}
                onKeyMove={movable ? (to) => move(row, to, true) : undefined}
                extra={extra?.(row)}
              />
            ))}
          </div>
        </SortableContext>
      </DndContext>
      <VisuallyHidden aria-live="polite" role="status">
        {announcement}
      </VisuallyHidden>
    </>
  );
}

interface ItemProps<T extends SortableRow> {
  row: T;
  index: number;
  count: number;
  selected: boolean;
  onSelect?: (row: T) => void;
  /** Absent: the row does not move. */
  onKeyMove?: (toIndex: number) => void;
  extra: ReactNode;
}

function Item<T extends SortableRow>({ row, index, count, selected, onSelect, onKeyMove, extra }: ItemProps<T>) {
  const { listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: row.id,
    disabled: !onKeyMove,
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (onKeyMove && event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      onKeyMove(index + (event.key === 'ArrowUp' ? -1 : 1));
    } else if (onSelect && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onSelect(row);
    }
  };
  return (
    <div
      ref={setNodeRef}
      data-row-id={row.id}
      className={classes.row}
      data-selected={selected || undefined}
      data-dragging={isDragging || undefined}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      tabIndex={0}
      role="option"
      aria-label={row.label}
      aria-selected={selected}
      aria-description={`Place ${index + 1} of ${count}.${onKeyMove ? ' Alt+Up or Alt+Down moves it.' : ''}`}
      onKeyDown={onKeyDown}
      onClick={() => onSelect?.(row)}
    >
      <Group gap="xs" wrap="nowrap">
        {onKeyMove && (
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            // The mouse's way; the keyboard's is Alt+↑/↓ on the row (dnd-kit's own keys are not used).
            aria-label={`Drag ${row.label}`}
            tabIndex={-1}
            className={classes.handle}
            {...listeners}
          >
            <IconGripVertical size={16} />
          </ActionIcon>
        )}
        <Text size="sm" className={classes.label}>
          {row.label}
        </Text>
        {extra}
      </Group>
    </div>
  );
}

/**
 * The count sheet: the whole window, one storage area at a time, its items in shelf order. Type a
 * number, Enter saves the line on this computer and only then moves on; Tab goes from unit to unit;
 * Enter on an empty line leaves it uncounted; `/` finds an item, or adds one to this storage area
 * and comes back; Ctrl+Z undoes the last entry. A blind count shows no expected quantities.
 */
import { Button, Group, Kbd, Modal, Progress, Tabs, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CountSheet as Sheet, SheetItem } from '../../../shared/contract/counts';
import { toBridgeError } from '../../api/bridge-error';
import { invoke } from '../../api/client';
import { channelKey } from '../../api/query-keys';
import { plural } from '../../ui/format';
import { notifyDone, notifyProblem } from '../../ui/notify';
import { SLOW_SAVE_MS } from '../../ui/use-save-in-progress';
import { useSignedIn } from '../auth/signed-in';
import classes from './CountSheet.module.css';
import { COUNT_PROGRESS_VIEWS } from './counts-api';
import { FindItemDialog } from './FindItemDialog';
import { PrintSheets } from './PrintSheet';
import { type RowKeys, SheetRow } from './SheetRow';
import {
  type Amounts,
  lineKey,
  readLine,
  type SheetLine,
  savedByLine,
  sheetLine,
  typedLine,
  withSaved,
} from './sheet-lines';

interface CountSheetProps {
  sheet: Sheet;
  /** The storage area to start in (its place in the sheet). */
  startAt: number;
  onClose: () => void;
}

interface Undoable {
  entryId: string;
  key: string;
  before: Amounts | null;
}

interface LineState {
  saving?: boolean;
  problem?: string;
}

function linesOf(sheet: Sheet, personId: string): Map<string, SheetLine> {
  const saved = savedByLine(sheet.entries, personId);
  const lines = new Map<string, SheetLine>();
  for (const area of sheet.storageAreas)
    for (const item of area.items) lines.set(lineKey(item), sheetLine(item, saved.get(lineKey(item))));
  return lines;
}

/** Sets the text of a cell as if typed, so its row hears it. */
function typeInto(input: HTMLInputElement, text: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function CountSheet({ sheet, startAt, onClose }: CountSheetProps) {
  const { user } = useSignedIn();
  const client = useQueryClient();
  const { count } = sheet;
  const [areaIndex, setAreaIndex] = useState(startAt);
  const [lines, setLines] = useState(() => linesOf(sheet, user.id));
  const [orders, setOrders] = useState(() => sheet.storageAreas.map((area) => area.items.map(lineKey)));
  const [states, setStates] = useState<ReadonlyMap<string, LineState>>(new Map());
  const [finding, setFinding] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);
  const table = useRef<HTMLTableElement | null>(null);
  const undoStack = useRef<Undoable[]>([]);
  /** A line is being saved: keys typed meanwhile wait here for the lines after it. */
  const saving = useRef(false);
  const typedAhead = useRef<string[]>([]);
  /** An item just added with `/`: once counted, back to the line `/` was pressed on. */
  const returnTo = useRef<{ key: string; index: number } | null>(null);
  // The handlers below read the latest of these without being made again (the rows are memoised).
  const now = useRef({ lines, orders, areaIndex, keys: null as unknown as RowKeys });
  now.current = { ...now.current, lines, orders, areaIndex };
  /** The line to focus once drawn: the first as the sheet opens, another after an undo or `/`. */
  const focusOnShow = useRef<number | null>(0);

  const area = sheet.storageAreas[areaIndex];
  const order = orders[areaIndex] ?? [];
  const setState = useCallback((key: string, state: LineState) => setStates((all) => new Map(all).set(key, state)), []);
  /** The line is neither saving nor wrong: nothing drawn again when it never was. */
  const clearState = useCallback(
    (key: string) =>
      setStates((all) => {
        if (!all.has(key)) return all;
        const rest = new Map(all);
        rest.delete(key);
        return rest;
      }),
    [],
  );

  const focusLine = useCallback((index: number, column = 0) => {
    const input =
      table.current?.querySelector<HTMLInputElement>(`input[data-line="${index}"][data-column="${column}"]`) ??
      table.current?.querySelector<HTMLInputElement>(`input[data-line="${index}"]`);
    if (!input) {
      document.getElementById('count-sheet-end')?.focus();
      return;
    }
    input.focus();
    input.scrollIntoView({ block: 'nearest' });
    const ahead = typedLine(typedAhead.current);
    typedAhead.current = ahead.rest;
    if (ahead.text) typeInto(input, ahead.text);
    if (!ahead.enter) return;
    const cells = input.closest('tr')?.querySelectorAll('input') ?? [];
    now.current.keys.enter(
      index,
      [...cells].map((cell) => cell.value),
    );
  }, []);

  const save = useCallback(
    async (line: SheetLine, reading: Extract<ReturnType<typeof readLine>, { kind: 'entry' }>) => {
      saving.current = true;
      const slow = setTimeout(() => setState(line.key, { saving: true }), SLOW_SAVE_MS);
      try {
        const { entry } = await invoke('counts.enter', {
          countId: count.id,
          itemId: line.item.itemId,
          storageAreaId: line.item.storageAreaId,
          quantity: reading.quantity,
          parts: reading.parts,
        });
        undoStack.current.push({ entryId: entry.id, key: line.key, before: line.saved });
        setLines((all) => new Map(all).set(line.key, withSaved(line, reading.amounts)));
        clearState(line.key);
        return true;
      } catch (error) {
        typedAhead.current = [];
        setState(line.key, { problem: `Not saved: ${toBridgeError(error).message}` });
        return false;
      } finally {
        clearTimeout(slow);
        saving.current = false;
      }
    },
    [count.id, setState, clearState],
  );

  // A line asked for (a storage area shown, a line added) is focused once the table holds it. The
  // sheet's first render can come before the modal's portal puts the table in the page: the request
  // then waits for the table's ref (it was lost, and the focus stayed off the first line).
  const focusAsked = useCallback(() => {
    const at = focusOnShow.current;
    if (at === null || !table.current) return;
    focusOnShow.current = null;
    focusLine(at);
  }, [focusLine]);
  useEffect(focusAsked);
  const tableRef = useCallback(
    (node: HTMLTableElement | null) => {
      table.current = node;
      focusAsked();
    },
    [focusAsked],
  );

  const showArea = useCallback((index: number, line = 0) => {
    focusOnShow.current = line;
    setAreaIndex(index);
  }, []);

  const keys: RowKeys = useMemo(
    () => ({
      enter: async (index, texts) => {
        const key = now.current.orders[now.current.areaIndex]?.[index];
        const line = key && now.current.lines.get(key);
        if (!line) return;
        const reading = readLine(line, texts);
        if (reading.kind === 'problem') return setState(line.key, { problem: reading.problem });
        if (reading.kind === 'entry' && !(await save(line, reading))) return;
        // Cells emptied on a saved line: they show what is saved again.
        if (reading.kind === 'skip' && line.saved)
          setLines((all) => new Map(all).set(line.key, withSaved(line, line.saved)));
        clearState(line.key);
        const back = returnTo.current;
        returnTo.current = null;
        focusLine(back?.key === line.key ? back.index : index + 1);
      },
      move: (index, column, by) => focusLine(Math.max(0, index + by), column),
      find: (index) => setFinding(index),
      undo: async () => {
        const last = undoStack.current.pop();
        const line = last && now.current.lines.get(last.key);
        if (!last || !line) return notifyProblem('Nothing to undo', 'No entry of this sheet is left to undo.');
        try {
          await invoke('counts.undoEntry', { countId: count.id, entryId: last.entryId });
        } catch (error) {
          undoStack.current.push(last);
          return notifyProblem('Not undone', toBridgeError(error).message);
        }
        setLines((all) => new Map(all).set(line.key, withSaved(line, last.before)));
        notifyDone(`${line.item.name}: last entry undone.`);
        const at = now.current.orders.findIndex((keysOf) => keysOf.includes(line.key));
        const index = now.current.orders[at]?.indexOf(line.key) ?? 0;
        if (at === now.current.areaIndex) return requestAnimationFrame(() => focusLine(index));
        showArea(at, index);
      },
      busy: () => saving.current,
      typeAhead: (key) => {
        typedAhead.current.push(key);
      },
    }),
    [count.id, focusLine, save, setState, clearState, showArea],
  );
  now.current.keys = keys;

  /** `/` found an item on this sheet (jump to it) or added one to this storage area (count it, come back). */
  const found = (item: SheetItem, from: number) => {
    setFinding(null);
    const key = lineKey(item);
    const at = order.indexOf(key);
    if (at >= 0) return requestAnimationFrame(() => focusLine(at));
    setLines((all) => new Map(all).set(key, sheetLine(item, undefined)));
    setOrders((all) => all.map((keysOf, n) => (n === areaIndex ? [...keysOf, key] : keysOf)));
    returnTo.current = { key, index: from };
    focusOnShow.current = order.length;
  };

  const close = () => {
    for (const channel of COUNT_PROGRESS_VIEWS) void client.invalidateQueries({ queryKey: channelKey(channel) });
    onClose();
  };

  const counted = order.filter((key) => {
    const line = lines.get(key);
    return line && (line.saved !== null || line.item.counted !== null);
  }).length;
  const next = sheet.storageAreas[areaIndex + 1];

  return (
    <Modal
      opened
      onClose={close}
      fullScreen
      closeOnEscape={false}
      closeButtonProps={{ 'aria-label': 'Close the count sheet' }}
      transitionProps={{ duration: 0 }}
      title={`Count sheet · ${area?.name ?? ''}`}
      classNames={{ body: classes.body, title: classes.title }}
    >
      <Group justify="space-between" wrap="nowrap" className={classes.toolbar}>
        <Tabs value={String(areaIndex)} onChange={(value) => showArea(Number(value))} variant="pills">
          <Tabs.List>
            {sheet.storageAreas.map((one, n) => (
              <Tabs.Tab key={one.storageAreaId ?? 'none'} value={String(n)}>
                {one.name}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {counted} of {plural(order.length, 'line')} counted
          </Text>
          <Progress
            value={order.length ? (100 * counted) / order.length : 0}
            w={120}
            transitionDuration={0}
            aria-hidden
          />
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)}>
            Print sheet
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" className={classes.help}>
        Type a number, <Kbd size="xs">Enter</Kbd> saves it and goes to the next line · <Kbd size="xs">Tab</Kbd> next
        unit · <Kbd size="xs">3+2+1</Kbd> adds up · <Kbd size="xs">+2</Kbd> adds to the line ·{' '}
        <Kbd size="xs">Enter</Kbd> on an empty line leaves it uncounted · <Kbd size="xs">/</Kbd> find or add an item ·{' '}
        <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Z</Kbd> undo the last entry
        {count.blind && ' · Blind count: expected quantities are hidden'}
      </Text>
      <div className={classes.scroller}>
        <table ref={tableRef} className={classes.table} aria-label={`Count sheet of ${area?.name ?? ''}`}>
          <thead>
            <tr>
              <th className={classes.number}>#</th>
              <th>Item</th>
              {!count.blind && <th className={classes.expected}>Expected</th>}
              <th>Counted</th>
              <th>In words</th>
              <th className={classes.status}>Saved</th>
            </tr>
          </thead>
          <tbody>
            {order.map((key, index) => {
              const line = lines.get(key);
              const state = states.get(key);
              return (
                line && (
                  <SheetRow
                    key={key}
                    line={line}
                    index={index}
                    blind={count.blind}
                    saving={state?.saving ?? false}
                    problem={state?.problem}
                    keys={keys}
                  />
                )
              );
            })}
          </tbody>
        </table>
        <Group justify="center" p="md">
          <Button
            id="count-sheet-end"
            variant={next ? 'light' : 'default'}
            onClick={() => (next ? showArea(areaIndex + 1) : close())}
          >
            {next ? `End of ${area?.name}: go on to ${next.name}` : `End of ${area?.name}: close the sheet`}
          </Button>
        </Group>
      </div>
      {finding !== null && area && (
        <FindItemDialog
          count={count}
          storageAreaId={area.storageAreaId}
          storageAreaName={area.name}
          lines={order.flatMap((key) => lines.get(key) ?? [])}
          onFound={(item) => found(item, finding)}
          onClose={() => {
            setFinding(null);
            requestAnimationFrame(() => focusLine(finding));
          }}
        />
      )}
      {printing && area && <PrintSheets count={count} areas={[area]} onClose={() => setPrinting(false)} />}
    </Modal>
  );
}

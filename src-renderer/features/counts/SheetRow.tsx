/**
 * One line of the count sheet: the item, a cell per unit, the line in words, saved or not. The
 * cells are this row's own state, so typing draws one row; the sheet hears Enter, the arrows, `/`
 * and Ctrl+Z through `keys`. A save draws only its own row: the rows are memoised and keep their
 * elements (a line saved gets new props, not a new row).
 */
import { Badge } from '@mantine/core';
import { type KeyboardEvent, memo, useState } from 'react';
import { pluralUnit } from '../../../shared/count-units';
import { formatAmount } from '../../ui/format';
import classes from './CountSheet.module.css';
import { readLine, type SheetLine, savedTexts } from './sheet-lines';

export interface RowKeys {
  /** Enter: save the line (or skip it) and go on. */
  enter: (index: number, texts: string[]) => void;
  /** ↑/↓: the same cell of another line, nothing saved. */
  move: (index: number, column: number, by: 1 | -1) => void;
  /** `/`: find an item, or add one to this storage area. */
  find: (index: number) => void;
  /** Ctrl+Z on cells showing what is saved: undo the last entry. */
  undo: () => void;
  /** A line is being saved: keys typed now belong to the lines after it. */
  busy: () => boolean;
  /** A key (a character, or Enter) typed while a line is saving: it goes to the next line. */
  typeAhead: (key: string) => void;
}

interface SheetRowProps {
  line: SheetLine;
  index: number;
  blind: boolean;
  /** Still saving after a moment (a quick save never shows it). */
  saving: boolean;
  problem: string | undefined;
  keys: RowKeys;
}

type Status = 'saved' | 'saving' | 'not-saved' | 'uncounted' | 'problem';

/** Words only, with a dot drawn by CSS: an icon per line made every frame of a long sheet slow to draw. */
const STATUS: Record<Status, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  'not-saved': 'Not saved',
  uncounted: 'Not counted',
  problem: 'Not saved',
};

export const SheetRow = memo(function SheetRow({ line, index, blind, saving, problem, keys }: SheetRowProps) {
  const [texts, setTexts] = useState(() => savedTexts(line));
  const [shownRev, setShownRev] = useState(line.rev);
  if (shownRev !== line.rev) {
    // The saved count changed (saved, undone): the cells show it again.
    setShownRev(line.rev);
    setTexts(savedTexts(line));
  }
  const saved = savedTexts(line);
  const dirty = texts.some((text, column) => text.trim() !== saved[column]);
  const reading = dirty ? readLine(line, texts) : null;
  const status: Status = problem
    ? 'problem'
    : saving
      ? 'saving'
      : dirty
        ? 'not-saved'
        : line.saved
          ? 'saved'
          : 'uncounted';
  const words = reading?.kind === 'entry' ? reading.words : line.words;
  const { item } = line;

  const onKeyDown = (column: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (keys.busy()) {
      // A line is being saved: what is typed now, Enter too, goes to the next line; nothing is lost.
      const typed = event.key === 'Enter' || (event.key.length === 1 && !event.ctrlKey && !event.metaKey);
      if (typed) keys.typeAhead(event.key);
      if (event.key !== 'Tab') event.preventDefault();
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      keys.enter(index, texts);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      keys.move(index, column, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === '/') {
      event.preventDefault();
      keys.find(index);
    } else if (event.key.toLowerCase() === 'z' && (event.ctrlKey || event.metaKey) && !dirty) {
      event.preventDefault();
      keys.undo();
    }
  };

  return (
    <tr className={classes.row} data-status={status} data-line-key={line.key}>
      <td className={classes.number}>{index + 1}</td>
      <td className={classes.item}>
        <span className={classes.name}>{item.name}</span>
        {item.category && <span className={classes.category}>{item.category}</span>}
        {!item.listed && (
          <Badge size="xs" variant="light" color="grape" ml={6}>
            Added here
          </Badge>
        )}
        {item.recount && (
          <Badge size="xs" variant="light" color="orange" ml={6}>
            Count again
          </Badge>
        )}
        {item.conflict && (
          <Badge size="xs" variant="light" color="red" ml={6}>
            Counted differently by two people
          </Badge>
        )}
      </td>
      {!blind && (
        <td className={classes.expected}>{item.expected === null ? '' : formatAmount(item.expected, item.unit)}</td>
      )}
      <td className={classes.cells}>
        {line.columns.map((column, n) => (
          <label key={column.unit} className={classes.cell}>
            <input
              className={classes.input}
              data-line={index}
              data-column={n}
              // The dialog's focus trap gives the first line's first cell the focus as the sheet opens.
              data-autofocus={(index === 0 && n === 0) || undefined}
              aria-label={`${item.name}: ${pluralUnit(column.unit)}`}
              aria-invalid={problem ? true : undefined}
              inputMode="decimal"
              autoComplete="off"
              value={texts[n] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setTexts((now) => now.map((text, at) => (at === n ? value : text)));
              }}
              onFocus={(event) => event.currentTarget.select()}
              onKeyDown={onKeyDown(n)}
            />
            <span className={classes.unit}>{pluralUnit(column.unit)}</span>
          </label>
        ))}
      </td>
      <td className={classes.words}>{problem ?? (reading?.kind === 'problem' ? reading.problem : words)}</td>
      <td className={classes.status}>
        <span className={classes.statusLabel}>{STATUS[status]}</span>
      </td>
    </tr>
  );
});

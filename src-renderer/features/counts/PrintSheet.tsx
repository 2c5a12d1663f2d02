/**
 * Count sheets on paper: a page per storage area, its items in shelf order, a blank box per unit
 * (largest first, as the keyboard sheet has them) to write in. Shown over the app as it will print;
 * Print hands it to the system's print dialog (Chromium prints it to PDF too). The keyboard sheet's
 * line numbers and cells are the paper's, so a paper count is typed up line by line.
 */
import { Button, Group } from '@mantine/core';
import { IconPrinter, IconX } from '@tabler/icons-react';
import { createPortal } from 'react-dom';
import type { CountSheet, CountSummary } from '../../../shared/contract/counts';
import { countColumns } from '../../../shared/count-entry';
import { pluralUnit } from '../../../shared/count-units';
import { formatDateTime } from '../../ui/format';
import { useSignedIn } from '../auth/signed-in';
import classes from './PrintSheet.module.css';

type Area = CountSheet['storageAreas'][number];

interface PrintSheetsProps {
  count: CountSummary;
  areas: readonly Area[];
  onClose: () => void;
}

export function PrintSheets({ count, areas, onClose }: PrintSheetsProps) {
  return createPortal(
    <div className={classes.root} data-print-root role="dialog" aria-label="Printable count sheets">
      <Group justify="flex-end" gap="sm" className={classes.toolbar}>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          Print
        </Button>
        <Button variant="default" leftSection={<IconX size={16} />} onClick={onClose}>
          Close
        </Button>
      </Group>
      {areas.map((area) => (
        <PrintPage key={area.storageAreaId ?? 'none'} count={count} area={area} />
      ))}
    </div>,
    document.body,
  );
}

function PrintPage({ count, area }: { count: CountSummary; area: Area }) {
  const { restaurant } = useSignedIn();
  const columns = area.items.map((item) => countColumns(item));
  const widest = Math.max(1, ...columns.map((units) => units.length));
  return (
    <section className={classes.page} aria-label={`Count sheet of ${area.name}`}>
      <header className={classes.header}>
        <div>
          <h1 className={classes.title}>{area.name}</h1>
          <p className={classes.meta}>
            {restaurant.name} · count started {formatDateTime(count.startedAt)} by {count.startedBy.name} ·{' '}
            {count.asOf ? `as of ${formatDateTime(count.asOf)}` : 'each line as of when it is counted'}
          </p>
        </div>
        <div className={classes.sign}>
          <span>Counted by</span>
          <span>Date and time</span>
        </div>
      </header>
      <table className={classes.table}>
        <thead>
          <tr>
            <th className={classes.number}>#</th>
            <th>Item</th>
            <th colSpan={widest}>Count</th>
            <th className={classes.notes}>Notes</th>
          </tr>
        </thead>
        <tbody>
          {area.items.map((item, index) => (
            <tr key={item.itemId}>
              <td className={classes.number}>{index + 1}</td>
              <td>
                <span className={classes.name}>{item.name}</span>
                {item.category && <span className={classes.category}>{item.category}</span>}
              </td>
              {Array.from({ length: widest }, (_, n) => {
                const column = columns[index]?.[n];
                return (
                  <td key={column?.unit ?? `none-${n}`} className={column ? classes.box : classes.noBox}>
                    {column && <span className={classes.unit}>{pluralUnit(column.unit)}</span>}
                  </td>
                );
              })}
              <td className={classes.notes} />
            </tr>
          ))}
        </tbody>
      </table>
      <footer className={classes.footer}>
        {area.items.length} lines · type it up on the count sheet of {area.name}: same lines, same boxes
      </footer>
    </section>
  );
}

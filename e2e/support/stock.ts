/**
 * The Kitchen and Bar stock screens: the table, its rows and cells, the value cards, the item
 * dialog and the inline Adjust popover — found by what they are called on screen.
 */
import type { Locator, Page } from '@playwright/test';
import type { KitchenGuardBridge } from '../../shared/bridge';
import type { ChannelInput } from '../../shared/contract';
import type { Area } from '../../shared/domain';
import type { ItemSpec } from './data';
import { escapeRegExp, field } from './forms';
import { expect } from './preview';

/** The table's columns, left to right (the last, "Actions", is only named for screen readers). */
export const COLUMNS = [
  'Name',
  'Category',
  'Supplier',
  'On hand',
  'Par',
  'Unit cost',
  'Stock value',
  'Actions',
] as const;
export type Column = (typeof COLUMNS)[number];

export type Reason = 'Delivery' | 'Usage' | 'Waste' | 'Correction' | 'Count';
/** The amount field's label for each reason; the unit follows in brackets. */
const AMOUNT_LABELS: Record<Reason, string> = {
  Delivery: 'Amount received',
  Usage: 'Amount used',
  Waste: 'Amount thrown away',
  Correction: 'Change',
  Count: 'Counted on the shelf',
};

/** What a row shows, by column; only the columns given are checked. */
export type RowExpectation = Partial<Record<Exclude<Column, 'Name' | 'Actions'>, string>>;

/** Run before the dialog or popover is saved, e.g. to take its screenshot. */
type BeforeSave = (container: Locator) => Promise<void>;

const capitalised = (area: Area) => `${area.charAt(0).toUpperCase()}${area.slice(1)}`;

export class StockScreen {
  constructor(
    readonly page: Page,
    readonly area: Area,
  ) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: `${capitalised(this.area)} stock` });
  }

  /** The item's row: the one whose Adjust button carries its name. */
  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name: `Adjust stock of ${name}`, exact: true }) });
  }

  cell(name: string, column: Column): Locator {
    return this.row(name).getByRole('cell').nth(COLUMNS.indexOf(column));
  }

  /** A sortable column's header button. */
  header(column: Column): Locator {
    return this.table.getByRole('columnheader', { name: column, exact: true }).getByRole('button');
  }

  /** The cell of the row at `position` (0: the top row of the current order). */
  cellAt(position: number, column: Column): Locator {
    // Row 0 is the header; the spacers standing in for scrolled-out rows are hidden from roles.
    return this.table
      .getByRole('row')
      .nth(position + 1)
      .getByRole('cell')
      .nth(COLUMNS.indexOf(column));
  }

  /** The rows now rendered, top to bottom, each as its cells' text (virtualised: not all 5,000 are). */
  async renderedRows(): Promise<string[][]> {
    const rows = await this.table.locator('tbody tr[aria-rowindex]').allInnerTexts();
    return rows.map((row) => row.split('\t').map((cell) => cell.trim()));
  }

  async renderedNames(): Promise<string[]> {
    return (await this.renderedRows()).map(([name]) => name ?? '');
  }

  async expectRow(name: string, expected: RowExpectation): Promise<void> {
    await expect(this.row(name)).toHaveCount(1);
    for (const [column, text] of Object.entries(expected) as [Column, string][]) {
      // On hand may start with a "Below par" mark for screen readers: compare the end.
      const cell = this.cell(name, column);
      if (column === 'On hand') await expect(cell).toHaveText(new RegExp(`(^|[^\\d.,])${escapeRegExp(text)}$`));
      else await expect(cell).toHaveText(text);
    }
  }

  /** Whether the cell's text is cut off (an ellipsis, or lines clamped), rather than shown whole. */
  isCut(name: string, column: Column): Promise<boolean> {
    return isCutOff(this.cell(name, column));
  }

  /** A value card ("kitchen stock value", "Value shown", "To order"): a group named by its label. */
  card(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true });
  }

  async expectTotal(value: string, itemCount: string): Promise<void> {
    await expect(this.card(`${this.area} stock value`)).toHaveText(`${this.area} stock value${value}${itemCount}`);
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search items' });
  }

  get addButton(): Locator {
    return this.page.getByRole('button', { name: 'Add item', exact: true });
  }

  get itemDialog(): Locator {
    return this.page.getByRole('dialog', { name: new RegExp(`^(Add a ${this.area} item|Edit .+)$`) });
  }

  /** Fills the item dialog's fields that are given (leaves the others as they are). */
  async fillItem(item: Partial<ItemSpec>): Promise<void> {
    const fields: [string, string | undefined][] = [
      ['Name', item.name],
      ['Category', item.category],
      ['Supplier', item.supplier],
      ['Unit', item.unit],
      ['Unit cost', item.unitCost],
      ['Par level', item.par],
      ['Opening stock', item.openingStock],
    ];
    for (const [label, value] of fields) if (value !== undefined) await field(this.itemDialog, label).fill(value);
  }

  /** Add item → fill the dialog (the fields given) → Add item; the row appears. */
  async addItem(item: Pick<ItemSpec, 'name'> & Partial<ItemSpec>, beforeSave?: BeforeSave): Promise<void> {
    await this.addButton.click();
    await expect(this.itemDialog).toBeVisible();
    await this.fillItem(item);
    await beforeSave?.(this.itemDialog);
    await this.itemDialog.getByRole('button', { name: 'Add item' }).click();
    await expect(this.itemDialog).toBeHidden();
    await expect(this.row(item.name)).toBeVisible();
  }

  /** The row's "More actions" button (owners and managers): its menu holds Edit and Delete. */
  moreButton(name: string): Locator {
    return this.row(name).getByRole('button', { name: `More actions for ${name}`, exact: true });
  }

  /** More actions → Edit or Delete, with the mouse; resolves to the dialog it opens. */
  async choose(name: string, action: 'Edit' | 'Delete'): Promise<Locator> {
    await this.moreButton(name).click();
    await this.page.getByRole('menuitem', { name: action, exact: true }).click();
    const dialog = action === 'Edit' ? this.itemDialog : this.page.getByRole('dialog', { name: `Delete ${name}?` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** More actions → Edit → change the fields given → Save changes. */
  async editItem(name: string, changes: Partial<ItemSpec>): Promise<void> {
    const dialog = await this.choose(name, 'Edit');
    await this.fillItem(changes);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
  }

  adjustButton(name: string): Locator {
    return this.row(name).getByRole('button', { name: `Adjust stock of ${name}`, exact: true });
  }

  adjustPopover(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Adjust stock of ${name}`, exact: true });
  }

  amountField(popover: Locator, reason: Reason): Locator {
    return popover.getByRole('textbox', { name: new RegExp(`^${AMOUNT_LABELS[reason]} \\(`) });
  }

  /** Adjust → reason → amount (and note) → Save; waits for the popover to close. */
  async adjust(name: string, reason: Reason, amount: string, note = '', beforeSave?: BeforeSave): Promise<void> {
    await this.adjustButton(name).click();
    const popover = this.adjustPopover(name);
    await popover.getByText(reason, { exact: true }).click();
    await expect(popover.getByRole('radio', { name: reason })).toBeChecked();
    await this.amountField(popover, reason).fill(amount);
    if (note) await popover.getByRole('textbox', { name: 'Note' }).fill(note);
    await beforeSave?.(popover);
    await popover.getByRole('button', { name: 'Save' }).click();
    await expect(popover).toBeHidden();
  }

  historyDrawer(name: string): Locator {
    return this.page.getByRole('dialog', { name: `History of ${name}` });
  }

  async openHistory(name: string): Promise<Locator> {
    await this.row(name)
      .getByRole('button', { name: `History of ${name}` })
      .click();
    const drawer = this.historyDrawer(name);
    await expect(drawer.getByRole('table', { name: `Stock movements of ${name}` })).toBeVisible();
    return drawer;
  }
}

/**
 * Creates many items in one round trip from the page to the core, `parallel` calls at a time.
 * Resolves to the messages of the calls that failed (none, when all is well).
 */
export function createItems(page: Page, items: ChannelInput<'inventory.create'>[], parallel = 16): Promise<string[]> {
  return page.evaluate(
    async ({ items, parallel }) => {
      const bridge = (globalThis as unknown as { kitchenGuard: KitchenGuardBridge }).kitchenGuard;
      const failures: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < items.length) {
          const item = items[next++];
          const result = await bridge.invoke('inventory.create', item);
          if (!result.ok) failures.push(`${JSON.stringify(item)}: ${result.error.message}`);
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      return failures;
    },
    { items, parallel },
  );
}

/** Whether the text of an element (a cell, a box's chosen value) is cut off rather than shown whole. */
export function isCutOff(element: Locator): Promise<boolean> {
  return element.evaluate((root) => {
    type Box = { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number };
    const boxes = [root, ...(root as unknown as { querySelectorAll(s: string): Box[] }).querySelectorAll('*')];
    return (boxes as Box[]).some(
      (box) => box.clientWidth > 0 && (box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight),
    );
  });
}

/** Whether a box's chosen value runs on under its buttons (clear, open the list), rather than ending before them. */
export function valueRunsUnderButtons(box: Locator): Promise<boolean> {
  return box.evaluate((element) => {
    type Rect = { left: number };
    type Input = {
      value: string;
      getBoundingClientRect(): Rect;
      parentElement: { querySelector(s: string): Input | null };
    };
    type Pen = { font: string; measureText(text: string): { width: number } };
    const page = globalThis as unknown as {
      getComputedStyle(element: unknown): { font: string; paddingLeft: string };
      document: { createElement(tag: 'canvas'): { getContext(kind: '2d'): Pen } };
    };
    const input = element as unknown as Input;
    const style = page.getComputedStyle(input);
    const pen = page.document.createElement('canvas').getContext('2d');
    pen.font = style.font;
    const textEnd =
      input.getBoundingClientRect().left + Number.parseFloat(style.paddingLeft) + pen.measureText(input.value).width;
    const buttons = input.parentElement.querySelector('[data-position="right"]');
    return buttons !== null && textEnd > buttons.getBoundingClientRect().left;
  });
}

/**
 * Everything a mouse does on the stock screen, with the keyboard only: Tab to move, Enter or Space
 * to press, arrows in a choice, Escape to close. Screenshots in e2e/screenshots/keyboard/.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './support/app';
import { FLOUR, OLIVE_OIL, OWNER, TOMATOES } from './support/data';
import { field, tabTo } from './support/forms';

test.beforeEach(async ({ app, preview }) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.seed([FLOUR, OLIVE_OIL]);
});

/** With the focus on a menu's button: Enter opens it, the arrow keys go down to `item`, Enter chooses it. */
async function chooseFromMenu(button: Locator, item: string): Promise<void> {
  const { keyboard } = button.page();
  await expect(button).toBeFocused();
  await keyboard.press('Enter');
  const wanted = button.page().getByRole('menuitem', { name: item, exact: true });
  await expect(wanted).toBeVisible();
  await expect(async () => {
    await keyboard.press('ArrowDown');
    await expect(wanted).toBeFocused({ timeout: 200 });
  }).toPass();
  await keyboard.press('Enter');
}

/** Types into each field in turn, moving on with Tab: each must have the focus when its turn comes. */
async function typeInOrder(fields: [Locator, string][]): Promise<void> {
  for (const [input, text] of fields) {
    await expect(input).toBeFocused();
    await input.page().keyboard.type(text);
    await input.page().keyboard.press('Tab');
  }
}

test('add an item, adjust its stock, sort and delete, all with the keyboard', async ({ app, page }) => {
  const kitchen = app.stock('kitchen');
  const { keyboard } = page;

  await test.step('add an item', async () => {
    await tabTo(kitchen.addButton);
    await keyboard.press('Enter');
    const dialog = kitchen.itemDialog;
    await typeInOrder([
      [field(dialog, 'Name'), TOMATOES.name],
      [field(dialog, 'Category'), TOMATOES.category],
      [field(dialog, 'Supplier'), TOMATOES.supplier],
      [field(dialog, 'Unit'), TOMATOES.unit],
      [field(dialog, 'Unit cost'), TOMATOES.unitCost],
      [field(dialog, 'Par level'), TOMATOES.par],
    ]);
    await expect(field(dialog, 'Opening stock')).toBeFocused();
    await keyboard.type(TOMATOES.openingStock);
    await app.shot('item-dialog-typed');
    await keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(kitchen.addButton).toBeFocused();
    await kitchen.expectRow(TOMATOES.name, { Category: 'Produce', 'On hand': '12 kg', 'Stock value': '38.40' });
  });

  await test.step('adjust its stock: usage, chosen with the arrow keys', async () => {
    await tabTo(kitchen.adjustButton(TOMATOES.name));
    await keyboard.press('Enter');
    const popover = kitchen.adjustPopover(TOMATOES.name);
    await expect(kitchen.amountField(popover, 'Delivery')).toBeFocused();
    await keyboard.press('Shift+Tab');
    await expect(popover.getByRole('radio', { name: 'Delivery' })).toBeFocused();
    await keyboard.press('ArrowRight');
    await expect(popover.getByRole('radio', { name: 'Usage' })).toBeChecked();
    await keyboard.press('Tab');
    await typeInOrder([[kitchen.amountField(popover, 'Usage'), '4']]);
    await expect(popover.getByRole('textbox', { name: 'Note' })).toBeFocused();
    await keyboard.type('Soup of the day');
    await app.shot('adjust-typed');
    await keyboard.press('Enter');
    await expect(popover).toBeHidden();
    await expect(kitchen.adjustButton(TOMATOES.name)).toBeFocused();
    await kitchen.expectRow(TOMATOES.name, { 'On hand': '8 kg', 'Stock value': '25.60' });
  });

  await test.step('sort by a column with Enter and Space on its header', async () => {
    expect(await kitchen.renderedNames()).toEqual([FLOUR.name, OLIVE_OIL.name, TOMATOES.name]);
    const header = kitchen.header('Stock value');
    const column = kitchen.table.getByRole('columnheader', { name: 'Stock value' });
    await tabTo(header, { backwards: true });
    await keyboard.press('Enter');
    await expect(column).toHaveAttribute('aria-sort', 'ascending');
    // 0.00, 25.60, 122.50
    await expect.poll(() => kitchen.renderedNames()).toEqual([OLIVE_OIL.name, TOMATOES.name, FLOUR.name]);
    await keyboard.press('Space');
    await expect(column).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => kitchen.renderedNames()).toEqual([FLOUR.name, TOMATOES.name, OLIVE_OIL.name]);
    await app.shot('sorted-by-value-descending');
  });

  await test.step('delete an item from its More menu, after Escape has kept it once', async () => {
    const more = kitchen.moreButton(OLIVE_OIL.name);
    const confirm = page.getByRole('dialog', { name: `Delete ${OLIVE_OIL.name}?` });
    await tabTo(more);
    await chooseFromMenu(more, 'Delete');
    await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await app.shot('delete-confirm');
    await keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(more).toBeFocused();
    await chooseFromMenu(more, 'Delete');
    await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await keyboard.press('Tab');
    await expect(confirm.getByRole('button', { name: 'Delete item' })).toBeFocused();
    await keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(kitchen.row(OLIVE_OIL.name)).toHaveCount(0);
    // Its row went with it: "Add item" has the focus rather than the page.
    await expect(kitchen.addButton).toBeFocused();
    await kitchen.expectTotal('148.10', '2 items');
  });
});

test('Escape closes the item dialog, the edit dialog, the history drawer and the Adjust popover', async ({
  app,
  page,
}) => {
  const kitchen = app.stock('kitchen');
  const { keyboard } = page;
  /** Opens with Enter on `trigger` (or its menu's `item`), closes with Escape, and the focus is back on `trigger`. */
  const openAndEscape = async (trigger: Locator, opened: Locator, item?: string) => {
    await tabTo(trigger);
    if (item) await chooseFromMenu(trigger, item);
    else await keyboard.press('Enter');
    await expect(opened).toBeVisible();
    await keyboard.press('Escape');
    await expect(opened).toBeHidden();
    await expect(trigger).toBeFocused();
  };

  await openAndEscape(kitchen.addButton, kitchen.itemDialog);
  await openAndEscape(kitchen.moreButton(FLOUR.name), kitchen.itemDialog, 'Edit');
  await openAndEscape(
    kitchen.row(FLOUR.name).getByRole('button', { name: `History of ${FLOUR.name}` }),
    kitchen.historyDrawer(FLOUR.name),
  );
  await openAndEscape(kitchen.adjustButton(FLOUR.name), kitchen.adjustPopover(FLOUR.name));
  // Nothing was changed on the way.
  await kitchen.expectRow(FLOUR.name, { 'On hand': '5 bags', 'Stock value': '122.50' });
});

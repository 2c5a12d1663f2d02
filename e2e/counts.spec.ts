/**
 * Counting in the browser (issue 9 §4–§5): a manager counts 300 lines in three storage areas by
 * keyboard only (sums, units, a skipped line, an undo, an item found and one added with `/`),
 * reviews and approves; two computers count different storage areas, one of them offline, and agree
 * once approved; a count as of earlier with a back-dated delivery after it; a blind count; the
 * printable sheets. Screenshots (and the sheets as a PDF) in e2e/screenshots/counts/.
 */
import type { Locator } from '@playwright/test';
import type { ChannelInput } from '../shared/contract';
import { expect } from './support/app';
import { someone, test } from './support/central-site';
import { CountSheetPage, type Shelf, seedShelves } from './support/counts';
import { OWNER } from './support/data';
import { screenshotPath } from './support/preview';

const HOUR = 60 * 60 * 1000;
const LINES_PER_AREA = 100;
const AREAS = ['Walk-in cooler', 'Dry store', 'Freezer'];

const numbered = (area: string, n: number) => `${area} ${String(n).padStart(3, '0')}`;

const kitchenItem = (name: string, unit = 'each', openingStock = '5'): ChannelInput<'inventory.create'> => ({
  area: 'kitchen',
  name,
  category: 'Produce',
  supplier: 'Metro',
  unit,
  unitCost: '2.00',
  par: null,
  openingStock,
});

/** Three storage areas of a hundred items each; the first of each is counted in cases of 12 bottles. */
const SHELVES: Shelf[] = AREAS.map((name) => ({
  name,
  area: 'kitchen',
  items: Array.from({ length: LINES_PER_AREA }, (_, n) =>
    kitchenItem(numbered(name, n + 1), n === 0 ? 'bottle' : 'each'),
  ),
}));
const CASES = Object.fromEntries(AREAS.map((name) => [`${name} 001`, [{ name: 'case', size: '12', step: null }]]));
/** On no shelf: found with `/` and added to the freezer during the count. */
const STRAY = kitchenItem('Stray sorbet', 'tub', '2');

/** The browser runs in UTC (support/app.ts): a datetime-local field's text is the UTC time to the minute. */
const fieldTime = (date: Date) => date.toISOString().slice(0, 16);

async function startCount(
  page: import('@playwright/test').Page,
  { asOf, blind = false }: { asOf?: Date; blind?: boolean } = {},
) {
  await page.getByRole('button', { name: 'Start a count' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a count' });
  await dialog.getByRole('checkbox', { name: 'Bar' }).uncheck();
  if (asOf) {
    await dialog.getByRole('radio', { name: /One time for the whole count/ }).check();
    await dialog.getByLabel('Count as of').fill(fieldTime(asOf));
  }
  if (blind) await dialog.getByRole('checkbox', { name: /Blind count/ }).check();
  await dialog.getByRole('button', { name: 'Start the count' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Count: Kitchen, full count' })).toBeVisible();
}

test('a manager counts 300 lines in three storage areas by keyboard only, then reviews and approves', async ({
  app,
  preview,
  page,
}) => {
  test.slow();
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await seedShelves(app, SHELVES, CASES);
  await app.seed([STRAY]);
  await app.go('Counts');
  await expect(page.getByText('No count yet')).toBeVisible();
  await startCount(page);
  await app.shot('count-started');

  const sheet = new CountSheetPage(page);
  const first = (area: string) => sheet.cell(`${area} 001`, 'cases');
  const each = (area: string, n: number) => sheet.cell(numbered(area, n), 'each');
  await page.getByRole('button', { name: 'Count Walk-in cooler' }).click();
  await expect(first('Walk-in cooler')).toBeFocused();

  for (const [areaIndex, area] of AREAS.entries()) {
    await test.step(`${area}: a hundred lines, Enter after each`, async () => {
      await expect(first(area)).toBeFocused();
      // Cases, Tab, bottles: the line in words.
      await page.keyboard.type('2');
      await page.keyboard.press('Tab');
      await sheet.enter('5', each(area, 2));
      await expect(sheet.line(`${area} 001`)).toContainText('2 cases + 5 bottles = 29 bottles');
      await expect(sheet.line(`${area} 001`)).toContainText('Saved');
      for (let n = 2; n <= LINES_PER_AREA; n++) {
        const end = page.getByRole('button', { name: new RegExp(`^End of ${area}`) });
        // The freezer's last line is the item added to it with `/`.
        const last = area === 'Freezer' ? sheet.cell('Stray sorbet', 'tubs') : end;
        const next: Locator = n < LINES_PER_AREA ? each(area, n + 1) : last;
        // Line 10 of the dry store is left uncounted: Enter on an empty line.
        const skipped = area === 'Dry store' && n === 10;
        await sheet.enter(skipped ? '' : n % 10 === 0 ? '3+2+1' : String(n % 7), next);
        if (area === 'Walk-in cooler' && n === 12) await app.shot('count-sheet');
        if (area === 'Dry store' && n === 50) {
          // Ctrl+Z undoes the last entry: line 50 is uncounted again, and has the cursor.
          await expect(sheet.line('Dry store 050')).toContainText('Saved');
          await page.keyboard.press('Control+z');
          await expect(each(area, 50)).toBeFocused();
          await expect(sheet.line('Dry store 050')).toContainText('Not counted');
          await sheet.enter('4', each(area, 51));
        }
        if (area === 'Freezer' && n === 20) {
          // `/` adds an item that is on no shelf to the freezer, and comes back once it is counted.
          await page.keyboard.press('/');
          const find = page.getByRole('dialog', { name: 'Find an item' });
          await find.getByLabel('Item name').fill('stray');
          await expect(find.getByRole('option')).toHaveText(/Stray sorbet.*add it to Freezer/);
          await page.keyboard.press('Enter');
          await expect(sheet.cell('Stray sorbet', 'tubs')).toBeFocused();
          await expect(sheet.line('Stray sorbet')).toContainText('Added here');
          await sheet.enter('.5+1', each(area, 21));
          await expect(sheet.line('Stray sorbet')).toContainText('1.5 tubs');
          // `/` jumps to a line of this storage area.
          await page.keyboard.press('/');
          await find.getByLabel('Item name').fill(numbered(area, LINES_PER_AREA - 1));
          await page.keyboard.press('Enter');
          await expect(each(area, LINES_PER_AREA - 1)).toBeFocused();
          await page.keyboard.press('/');
          await find.getByLabel('Item name').fill('Freezer 021');
          await page.keyboard.press('Enter');
          await expect(each(area, 21)).toBeFocused();
        }
      }
      await expect(sheet.line(numbered(area, LINES_PER_AREA))).toContainText('Saved');
      // Enter on a line as saved goes on and saves nothing new.
      if (area === 'Freezer') await sheet.enter('', page.getByRole('button', { name: /^End of Freezer/ }));
      if (areaIndex < AREAS.length - 1) await page.keyboard.press('Enter');
    });
  }

  await test.step('a mistake is refused at its line, naming the column', async () => {
    await page.getByRole('tab', { name: 'Walk-in cooler' }).click();
    await expect(first('Walk-in cooler')).toBeFocused();
    await sheet.cell('Walk-in cooler 001', 'cases').fill('1.5');
    await page.keyboard.press('Enter');
    await expect(sheet.line('Walk-in cooler 001')).toContainText('Cases: count in steps of 1 (1.5 is not one)');
    await expect(first('Walk-in cooler')).toBeFocused();
    await app.shot('line-refused');
    // +2 adds to what the line holds: 2 cases become 4.
    await sheet.cell('Walk-in cooler 001', 'cases').fill('+2');
    await sheet.enter('', each('Walk-in cooler', 2));
    await expect(sheet.line('Walk-in cooler 001')).toContainText('4 cases + 5 bottles = 53 bottles');
  });

  await sheet.dialog.getByRole('button', { name: 'Close the count sheet' }).click();
  await expect(sheet.dialog).toHaveCount(0);
  const areas = page.getByRole('table', { name: 'Storage areas of this count' });
  const lines = LINES_PER_AREA;
  await expect(areas.getByRole('row', { name: /Walk-in cooler/ })).toContainText(`${lines} of ${lines} lines counted`);
  await expect(areas.getByRole('row', { name: /Dry store/ })).toContainText(`${lines - 1} of ${lines} lines counted`);
  await expect(areas.getByRole('row', { name: /Freezer/ })).toContainText(`${lines + 1} of ${lines + 1} lines counted`);

  await test.step('submit, review, approve: stock is what was counted', async () => {
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByText('To review', { exact: true })).toBeVisible();
    await expect(page.getByText(new RegExp(`^${3 * LINES_PER_AREA} items counted`))).toBeVisible();
    const uncounted = page.getByRole('table', { name: 'Items not counted' });
    await expect(uncounted.getByRole('row')).toHaveText([/Dry store 010/]);
    await uncounted.getByText('Zero').click();
    await app.shot('review');
    await page.getByRole('button', { name: 'Approve and set stock' }).click();
    await expect(page.getByText('Approved', { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Usage between counts' })).toBeVisible();
    await app.shot('approved-usage');
    await app.go('Kitchen');
    const kitchen = app.stock('kitchen');
    const counted = {
      'Walk-in cooler 001': '53 bottles',
      'Dry store 010': '0 each',
      'Dry store 050': '4 each',
      'Freezer 020': '6 each',
      'Stray sorbet': '1.5 tubs',
    };
    for (const [name, onHand] of Object.entries(counted)) {
      await kitchen.searchBox.fill(name);
      await kitchen.expectRow(name, { 'On hand': onHand });
    }
  });
});

test('a count as of earlier: a delivery back-dated after it still adds, usage after it still takes', async ({
  app,
  preview,
  page,
}) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await seedShelves(app, [{ name: 'Walk-in cooler', area: 'kitchen', items: [kitchenItem('Lemons', 'each', '0')] }]);
  const now = Date.now();
  const kitchen = app.stock('kitchen');
  const earlier = (when: Date) => async (popover: Locator) => {
    await popover.getByRole('button', { name: 'Earlier…' }).click();
    await popover.getByLabel('When', { exact: true }).fill(fieldTime(when));
  };
  // Twelve arrived three hours ago; two were used just now.
  await kitchen.adjust('Lemons', 'Delivery', '12', 'Invoice 41', earlier(new Date(now - 3 * HOUR)));
  await kitchen.adjust('Lemons', 'Usage', '2');
  await kitchen.expectRow('Lemons', { 'On hand': '10 each' });

  await app.go('Counts');
  // As of last night's close, two hours ago: ten found on the shelf then.
  await startCount(page, { asOf: new Date(now - 2 * HOUR) });
  await page.getByRole('button', { name: 'Count Walk-in cooler' }).click();
  const sheet = new CountSheetPage(page);
  await expect(sheet.cell('Lemons', 'each')).toBeFocused();
  await expect(sheet.line('Lemons')).toContainText('12 each');
  await sheet.enter('10', page.getByRole('button', { name: /^End of Walk-in cooler/ }));
  await page.keyboard.press('Enter');
  await expect(sheet.dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Submit for review' }).click();
  const variance = page.getByRole('table', { name: 'Variance by item' });
  // Expected as of the count's time: the twelve delivered before it, not the usage after it.
  await expect(variance.getByRole('row', { name: /Lemons/ }).getByRole('cell')).toHaveText([
    /Lemons/,
    '10 each',
    '12 each',
    '-2 each',
    /-4.00/,
    '',
  ]);
  await page.getByRole('button', { name: 'Approve and set stock' }).click();
  await expect(page.getByText('Approved', { exact: true })).toBeVisible();

  await app.go('Kitchen');
  // Ten as of two hours ago, less the two used since.
  await kitchen.expectRow('Lemons', { 'On hand': '8 each' });
  // Five that arrived an hour ago, entered now: after the count, so they add.
  await kitchen.adjust('Lemons', 'Delivery', '5', 'Invoice 42', earlier(new Date(now - HOUR)));
  await kitchen.expectRow('Lemons', { 'On hand': '13 each' });
  const history = await kitchen.openHistory('Lemons');
  await expect(history.getByRole('row').filter({ hasText: 'Count' })).toContainText('counted');
  await app.shot('as-of-history');
});

test('a blind count hides what is expected; the printable sheets open, one page per storage area', async ({
  app,
  preview,
  page,
}) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await seedShelves(
    app,
    SHELVES.map((shelf) => ({ ...shelf, items: shelf.items.slice(0, 18) })),
    CASES,
  );
  await app.go('Counts');
  await startCount(page, { blind: true });

  await page.getByRole('button', { name: 'Count Dry store' }).click();
  const sheet = new CountSheetPage(page);
  await expect(sheet.table('Dry store')).toBeVisible();
  await expect(sheet.table('Dry store').getByRole('columnheader')).toHaveText([
    '#',
    'Item',
    'Counted',
    'In words',
    'Saved',
  ]);
  await expect(sheet.dialog.getByText('Blind count: expected quantities are hidden')).toBeVisible();
  await sheet.dialog.getByRole('button', { name: 'Close the count sheet' }).click();

  await page.getByRole('button', { name: 'Print sheets' }).click();
  const printable = page.getByRole('dialog', { name: 'Printable count sheets' });
  await expect(printable.getByRole('region')).toHaveCount(3);
  await expect(printable.getByRole('region', { name: 'Count sheet of Freezer' })).toContainText('Freezer 018');
  await app.shot('printable-on-screen');
  await page.emulateMedia({ media: 'print' });
  await app.shot('printable-as-printed');
  await page.pdf({ path: screenshotPath('counts/sheets').replace(/\.png$/, '.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await printable.getByRole('button', { name: 'Close' }).click();
  await expect(printable).toHaveCount(0);
});

test.describe(() => {
  test.use({ shotFolder: 'counts-two-computers' });

  test('two computers count different storage areas, one offline; review shows both; approved, both agree', async ({
    site: { server, relay, office, laptop },
  }) => {
    const owner = someone('owner');
    await office.open();
    await office.connectFromSignIn(server);
    await office.register(owner);
    const shelves = ['Walk-in cooler', 'Dry store'].map((name) => ({
      name,
      area: 'kitchen' as const,
      items: [1, 2, 3].map((n) => kitchenItem(numbered(name, n))),
    }));
    await seedShelves(office, shelves);
    await office.expectInStep();
    await laptop.open();
    await laptop.connectFromSignIn(server, relay.port);
    await laptop.signIn(owner.username, owner.password);
    await laptop.expectInStep();
    // The laptop's Counts screen is open, with no count yet, before the office starts one.
    await laptop.go('Counts');
    await expect(laptop.page.getByText('No count yet')).toBeVisible();

    // The office starts the count; the laptop's screen shows it after its next sync, no reload.
    await office.go('Counts');
    await startCount(office.page);
    await office.expectInStep();
    await laptop.syncNow();
    await laptop.expectInStep();
    await laptop.page.getByRole('button', { name: /^Open count/ }).click();

    // The laptop counts the dry store where the Wi-Fi does not reach.
    relay.setOnline(false);
    await laptop.page.getByRole('button', { name: 'Count Dry store' }).click();
    const laptopSheet = new CountSheetPage(laptop.page);
    for (const n of [1, 2, 3]) {
      const next =
        n < 3
          ? laptopSheet.cell(numbered('Dry store', n + 1), 'each')
          : laptop.page.getByRole('button', { name: /^End of Dry store/ });
      await laptopSheet.enter(String(n + 1), next);
    }
    await expect(laptop.syncState).toHaveText('Offline');
    await laptop.shot('laptop-counted-offline');
    await laptop.page.keyboard.press('Enter');

    // Meanwhile the office counts the walk-in cooler.
    await office.page.getByRole('button', { name: 'Count Walk-in cooler' }).click();
    const officeSheet = new CountSheetPage(office.page);
    for (const n of [1, 2, 3]) {
      const next =
        n < 3
          ? officeSheet.cell(numbered('Walk-in cooler', n + 1), 'each')
          : office.page.getByRole('button', { name: 'End of Walk-in cooler: go on to Dry store' });
      await officeSheet.enter(String(n * 10), next);
    }
    // The dry store is the laptop's: the office closes the sheet there.
    await office.page.keyboard.press('Enter');
    await expect(officeSheet.table('Dry store')).toBeVisible();
    await office.page.getByRole('button', { name: 'Close the count sheet' }).click();
    await office.expectInStep();

    // Back online: the laptop's lines go up, and the office's review has both storage areas.
    relay.setOnline(true);
    await laptop.syncNow();
    await laptop.expectInStep();
    await office.syncNow();
    await office.expectInStep();
    await office.page.getByRole('button', { name: 'Submit for review' }).click();
    const variance = office.page.getByRole('table', { name: 'Variance by item' });
    await expect(variance.getByRole('row')).toHaveCount(7);
    await expect(variance.getByRole('row', { name: /Dry store 003/ })).toContainText('4 each');
    await expect(variance.getByRole('row', { name: /Walk-in cooler 003/ })).toContainText('30 each');
    await office.shot('office-review-both');
    await office.page.getByRole('button', { name: 'Approve and set stock' }).click();
    await expect(office.page.getByText('Approved', { exact: true })).toBeVisible();
    await office.expectInStep();

    // The laptop hears of the approval; both computers show the same stock.
    await laptop.syncNow();
    await laptop.expectInStep();
    for (const computer of [office, laptop]) {
      await computer.go('Kitchen');
      const kitchen = computer.stock('kitchen');
      await kitchen.expectRow('Dry store 003', { 'On hand': '4 each' });
      await kitchen.expectRow('Walk-in cooler 003', { 'On hand': '30 each' });
    }
    await laptop.go('Counts');
    await expect(laptop.page.getByRole('table', { name: 'Counts' })).toContainText('Approved');
    await laptop.shot('laptop-approved');
  });
});

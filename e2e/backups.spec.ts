/**
 * Settings → Backups as an owner uses it: make a backup, change something, restore the backup (asked
 * first) and find the app back on the restored data. Screenshots in e2e/screenshots/backups/.
 */
import { expect, test } from './support/app';
import { FLOUR, GIN, OWNER } from './support/data';

test('an owner makes a backup, adds an item, restores the backup and the item is gone again', async ({
  app,
  preview,
}) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.seed([FLOUR]);
  await app.go('Settings');
  const panel = app.page.getByRole('region', { name: 'Backups' });
  const table = panel.getByRole('table', { name: 'Backups' });

  await test.step('make a backup now: it is listed, checked, with its one item', async () => {
    await expect(panel).toContainText('No backups yet.');
    await panel.getByRole('button', { name: 'Make a backup now' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('By hand');
    await expect(table.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('1');
    await expect(table.getByRole('row').nth(1)).toContainText('Sound');
    await app.shot('backups-listed');
  });

  await app.seed([GIN]);
  await app.go('Bar');
  await expect(app.page.getByText(GIN.name)).toBeVisible();
  await app.go('Settings');

  await test.step('restore asks first; keeping the current data changes nothing', async () => {
    await table.getByRole('button', { name: /^Restore the backup made / }).click();
    const dialog = app.page.getByRole('dialog', { name: /^Restore the backup made / });
    await expect(dialog).toContainText('kept aside in the data folder');
    await app.shot('restore-asks-first');
    await dialog.getByRole('button', { name: 'Keep the current data' }).click();
    await expect(dialog).toHaveCount(0);
  });

  await test.step('restore: the app reopens on the backup, without the item added since', async () => {
    await table.getByRole('button', { name: /^Restore the backup made / }).click();
    await app.page.getByRole('dialog').getByRole('button', { name: 'Restore this backup' }).click();
    await expect(app.page.getByRole('dialog')).toHaveCount(0);
    await expect(app.page.getByLabel('Opening KitchenGuard')).toHaveCount(0);
    await app.go('Bar');
    await expect(app.page.getByText(GIN.name)).toHaveCount(0);
    await app.go('Kitchen');
    await expect(app.page.getByText(FLOUR.name)).toBeVisible();
    await app.shot('restored-kitchen');
  });
});

/**
 * A computer restored from its own backup, with a central server: it catches up with what the
 * server holds (including what it had itself sent after the backup), and what it records next is
 * neither swallowed as "already applied" (its mutation ids went back with the backup) nor lost.
 */
import { expect, it } from 'vitest';
import { type InventoryList, stockItems } from '../../shared/contract/inventory';
import { type Device, registerRestaurant, syncAll, syncTestFile } from '../sync/testing/devices';
import { itemInput, PASSWORD } from '../testing/temp-core';

const file = syncTestFile();

/** Through `invoke`: after a restore the device's own `call` would still look at the old store. */
async function kitchen(device: Device): Promise<string[]> {
  const result = await device.invoke('inventory.list', { area: 'kitchen' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return stockItems(result.value as InventoryList)
    .map((item) => item.name)
    .sort();
}

it('after a restore the computer catches up, and its next changes reach the other computers', async () => {
  const laptop = await file.devices.open('laptop');
  const restaurant = await registerRestaurant(laptop);
  await laptop.call('inventory.create', itemInput({ name: 'Milk' }));
  await syncAll([laptop]);
  const backup = await laptop.call('backups.create', {});
  await laptop.call('inventory.create', itemInput({ name: 'Eggs' }));
  await syncAll([laptop]);

  const restored = await laptop.invoke('backups.restore', { name: backup.name });
  expect(restored.ok).toBe(true);
  expect(await kitchen(laptop)).toEqual(['Milk']);
  expect((await laptop.invoke('inventory.create', itemInput({ name: 'Butter' }))).ok).toBe(true);

  await syncAll([laptop]);
  expect(await kitchen(laptop)).toEqual(['Butter', 'Eggs', 'Milk']);
  const office = await file.devices.open('office');
  await office.connect();
  await office.call('auth.login', { login: restaurant.owner.username, password: PASSWORD });
  await syncAll([office]);
  expect(await kitchen(office)).toEqual(['Butter', 'Eggs', 'Milk']);
});

import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Item, ItemChanges } from '../../../shared/contract/inventory';
import { channelKey } from '../../api/query-keys';
import { followStock, stockFollowedSince } from './inventory-api';
import { item, rowOf } from './testing/item';

const kitchenKey = channelKey('inventory.list', { area: 'kitchen' });
const changed = (...items: Item[]): ItemChanges => ({
  people: ['Olive Owner'],
  rows: { kitchen: items.map(rowOf), bar: [] },
  deleted: [],
});

function cachedKitchen(items: Item[], version: number) {
  const client = new QueryClient();
  client.setQueryData(kitchenKey, { items, totalValue: '0.00', version });
  return client;
}

describe('following the change feed into the cached stock lists', () => {
  it('leaves a list that already holds the changes as it is, and follows on from the new position', async () => {
    const butter = item({ name: 'Butter' });
    const client = cachedKitchen([butter], 5);
    const cached = client.getQueryData(kitchenKey);
    let told = 0;
    client.getQueryCache().subscribe(() => {
      told += 1;
    });

    await followStock(client, changed(butter), 9); // a save's own item, brought back by the feed

    expect(client.getQueryData(kitchenKey)).toBe(cached);
    expect(told).toBe(0);
    expect(stockFollowedSince(client)).toBe(9);
  });

  it('stores a list the changes changed, at the new position, and keeps a position already followed', async () => {
    const butter = item({ name: 'Butter', onHand: '1' });
    const client = cachedKitchen([butter], 5);
    await followStock(client, changed(butter), 7);

    const counted = { ...butter, onHand: '4' };
    await followStock(client, changed(counted), 8);
    expect(client.getQueryData(kitchenKey)).toMatchObject({ items: [counted], version: 8 });
    expect(stockFollowedSince(client)).toBe(8);
  });

  it('follows from nowhere while no list is cached', () => {
    expect(stockFollowedSince(new QueryClient())).toBeUndefined();
  });
});

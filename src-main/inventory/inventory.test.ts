import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import type { MovementReason } from '../../shared/domain';
import {
  addMember,
  itemInput,
  MINUTE,
  PASSWORD,
  registerOwner,
  signInAs,
  type TestCore,
  testCores,
} from '../testing/temp-core';
import { onHandMismatches } from './testing/on-hand';

const open = testCores();

async function ownerCore() {
  const core = await open();
  const session = await registerOwner(core, { fullName: 'Olive Owner' });
  return { core, session };
}

const create = (core: TestCore, overrides: Partial<ChannelInput<'inventory.create'>> = {}) =>
  core.call('inventory.create', itemInput(overrides));

const adjust = (core: TestCore, itemId: string, reason: MovementReason, quantity: string, note = '') =>
  core.call('inventory.adjustStock', { itemId, reason, quantity, note });

const itemRow = (core: TestCore, id: string) => core.db.prepare('SELECT * FROM items WHERE id = ?').get(id);

describe('items', () => {
  it('creates an item with exact decimal fields, who and when', async () => {
    const { core } = await ownerCore();
    const item = await create(core, {
      area: 'bar',
      name: '  Lime juice ',
      category: 'Mixers',
      supplier: 'Fresh Co',
      unit: 'L',
      unitCost: '4.5',
      par: '12.500',
    });
    expect(item).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      area: 'bar',
      name: 'Lime juice',
      category: 'Mixers',
      supplier: 'Fresh Co',
      unit: 'L',
      unitCost: '4.50',
      par: '12.5',
      onHand: '0',
      stockValue: '0.00',
      updatedAt: core.clock.iso(),
      updatedByName: 'Olive Owner',
    });
    expect(await core.call('inventory.get', { id: item.id })).toEqual(item);
    expect(itemRow(core, item.id)).toMatchObject({ unit_cost_cents: 450, par_milli: 12_500, deleted_at: null });
  });

  it('records opening stock as a count', async () => {
    const { core } = await ownerCore();
    const item = await create(core, { unitCost: '19.99', openingStock: '3' });
    expect(item).toMatchObject({ onHand: '3', stockValue: '59.97' });
    const { movements } = await core.call('inventory.history', { itemId: item.id });
    expect(movements).toMatchObject([{ reason: 'count', quantity: '3', onHandAfter: '3', note: 'Opening stock' }]);
  });

  it('updates only the fields given', async () => {
    const { core } = await ownerCore();
    const item = await create(core, { name: 'Flour', unitCost: '1.20', par: '25' });
    core.clock.advance(5 * MINUTE);
    const updated = await core.call('inventory.update', { id: item.id, unitCost: '1.35', par: null });
    expect(updated).toEqual({ ...item, unitCost: '1.35', par: null, updatedAt: core.clock.iso() });
    const renamed = await core.call('inventory.update', { id: item.id, name: 'Flour T55', category: '' });
    expect(renamed).toMatchObject({ name: 'Flour T55', category: '', unitCost: '1.35', supplier: item.supplier });
  });

  it('lists one area, sorted by name whatever the case', async () => {
    const { core } = await ownerCore();
    for (const name of ['onions', 'Basil', 'carrots']) await create(core, { name });
    await create(core, { area: 'bar', name: 'Angostura' });
    const { items } = await core.stock('kitchen');
    expect(items.map((item) => item.name)).toEqual(['Basil', 'carrots', 'onions']);
    expect((await core.stock('bar')).items.map((item) => item.name)).toEqual(['Angostura']);
  });

  it('refuses a duplicate name in the same area, in any case, at the name field', async () => {
    const { core } = await ownerCore();
    const tomatoes = await create(core, { name: 'Tomatoes' });
    expect(await core.fail('inventory.create', itemInput({ name: 'TOMATOES' }))).toMatchObject({
      kind: 'conflict',
      field: 'name',
    });
    const other = await create(core, { name: 'Cherry tomatoes' });
    expect(await core.fail('inventory.update', { id: other.id, name: 'tomatoes' })).toMatchObject({
      kind: 'conflict',
      field: 'name',
    });
    // Its own name, and the same name in the bar, are fine.
    expect((await core.call('inventory.update', { id: tomatoes.id, name: 'tomatoes' })).name).toBe('tomatoes');
    expect((await create(core, { area: 'bar', name: 'Tomatoes' })).area).toBe('bar');
  });
});

describe('item validation', () => {
  it.each([
    ['name', { name: '' }],
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(121) }],
    ['unit', { unit: '' }],
    ['unitCost', { unitCost: '1.234' }],
    ['unitCost', { unitCost: '-1' }],
    ['unitCost', { unitCost: 'abc' }],
    ['unitCost', { unitCost: '' }],
    ['unitCost', { unitCost: '1e3' }],
    ['unitCost', { unitCost: '123456789' }],
    ['unitCost', { unitCost: 12.5 }],
    ['par', { par: '-1' }],
    ['par', { par: 'lots' }],
    ['par', { par: '1.2345' }],
    ['area', { area: 'cellar' }],
    ['openingStock', { openingStock: '-2' }],
  ])('names %s for %j', async (path, bad) => {
    const { core } = await ownerCore();
    const error = await core.fail('inventory.create', { ...itemInput(), ...bad } as ChannelInput<'inventory.create'>);
    expect(error.kind).toBe('validation');
    expect(error.kind === 'validation' && error.issues.map((issue) => issue.path)).toEqual([path]);
    expect(core.db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(0);
  });

  it('names every bad field at once', async () => {
    const { core } = await ownerCore();
    const error = await core.fail('inventory.create', {
      area: 'cellar',
      name: '',
      category: '',
      supplier: '',
      unit: '',
      unitCost: 'abc',
      par: '-1',
    } as unknown as ChannelInput<'inventory.create'>);
    expect(error.kind === 'validation' && error.issues.map((issue) => issue.path).sort()).toEqual([
      'area',
      'name',
      'par',
      'unit',
      'unitCost',
    ]);
  });

  it('validates an update the same way', async () => {
    const { core } = await ownerCore();
    const item = await create(core, { unitCost: '3.00' });
    const error = await core.fail('inventory.update', { id: item.id, unitCost: '3.001', unit: '' });
    expect(error.kind === 'validation' && error.issues.map((issue) => issue.path).sort()).toEqual(['unit', 'unitCost']);
    expect((await core.call('inventory.get', { id: item.id })).unitCost).toBe('3.00');
  });
});

describe('delete', () => {
  it('is a tombstone: the row stays, the item is gone from every view', async () => {
    const { core } = await ownerCore();
    const item = await create(core, { name: 'Parsley', openingStock: '2' });
    core.clock.advance(MINUTE);
    expect(await core.call('inventory.delete', { id: item.id })).toEqual({ ok: true });
    expect(itemRow(core, item.id)).toMatchObject({ name: 'Parsley', deleted_at: core.clock.iso() });
    expect((await core.stock('kitchen')).items).toEqual([]);
    expect((await core.stock('kitchen')).totalValue).toBe('0.00');
    const gone = { kind: 'not_found' };
    expect(await core.fail('inventory.get', { id: item.id })).toMatchObject(gone);
    expect(await core.fail('inventory.history', { itemId: item.id })).toMatchObject(gone);
    expect(await core.fail('inventory.update', { id: item.id, name: 'Flat parsley' })).toMatchObject(gone);
    expect(await core.fail('inventory.delete', { id: item.id })).toMatchObject(gone);
    expect(
      await core.fail('inventory.adjustStock', { itemId: item.id, reason: 'delivery', quantity: '1' }),
    ).toMatchObject(gone);
    // The name is free again.
    expect((await create(core, { name: 'Parsley' })).id).not.toBe(item.id);
  });
});

describe('stock movements', () => {
  it('adds exact decimals: 0.1 + 0.2 = 0.3', async () => {
    const { core } = await ownerCore();
    const { id } = await create(core);
    await adjust(core, id, 'delivery', '0.1');
    expect((await adjust(core, id, 'delivery', '0.2')).onHand).toBe('0.3');
    expect((await adjust(core, id, 'usage', '-0.3')).onHand).toBe('0');
  });

  it('a count sets the level and later changes move it, for every reason', async () => {
    const { core } = await ownerCore();
    const { id } = await create(core);
    expect((await adjust(core, id, 'delivery', '10')).onHand).toBe('10');
    expect((await adjust(core, id, 'count', '7.25')).onHand).toBe('7.25');
    expect((await adjust(core, id, 'usage', '-1.5')).onHand).toBe('5.75');
    expect((await adjust(core, id, 'waste', '-0.75')).onHand).toBe('5');
    expect((await adjust(core, id, 'correction', '0.001')).onHand).toBe('5.001');
    expect((await adjust(core, id, 'count', '0')).onHand).toBe('0');
    expect((await adjust(core, id, 'delivery', '2.5')).onHand).toBe('2.5');
  });

  it('refuses a negative count and a zero change, at the quantity field', async () => {
    const { core } = await ownerCore();
    const { id } = await create(core, { openingStock: '4' });
    const atQuantity = { kind: 'validation', issues: [{ path: 'quantity' }] };
    expect(await core.fail('inventory.adjustStock', { itemId: id, reason: 'count', quantity: '-1' })).toMatchObject(
      atQuantity,
    );
    for (const quantity of ['0', '0.000', '-0']) {
      expect(await core.fail('inventory.adjustStock', { itemId: id, reason: 'usage', quantity })).toMatchObject(
        atQuantity,
      );
    }
    expect(
      await core.fail('inventory.adjustStock', { itemId: id, reason: 'delivery', quantity: '1.0001' }),
    ).toMatchObject(atQuantity);
    expect((await core.call('inventory.get', { id })).onHand).toBe('4');
    expect(core.db.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(1);
  });

  it('values stock exactly, per item and in total; stock below zero is worth nothing', async () => {
    const { core } = await ownerCore();
    const wine = await create(core, { name: 'House red', unitCost: '19.99', openingStock: '3' });
    const oil = await create(core, { name: 'Olive oil', unitCost: '0.99', openingStock: '2.5' });
    const eggs = await create(core, { name: 'Eggs', unitCost: '4.00' });
    await create(core, { area: 'bar', name: 'Gin', unitCost: '30.00', openingStock: '1' });
    expect(wine.stockValue).toBe('59.97');
    expect(oil.stockValue).toBe('2.48');
    const short = await adjust(core, eggs.id, 'usage', '-5');
    expect(short).toMatchObject({ onHand: '-5', stockValue: '0.00' });
    const kitchen = await core.stock('kitchen');
    expect(kitchen.totalValue).toBe('62.45');
    expect(kitchen.items.map((item) => item.stockValue)).toEqual(['0.00', '59.97', '2.48']);
    expect((await core.stock('bar')).totalValue).toBe('30.00');
  });

  it('shows the history newest first, with the level after each movement and who recorded it', async () => {
    const { core, session } = await ownerCore();
    const cook = await addMember(core, 'staff', { fullName: 'Carl Cook' });
    const { id } = await create(core, { unit: 'kg' });
    await adjust(core, id, 'delivery', '12', 'Monday delivery');
    await signInAs(core, cook.username, PASSWORD);
    core.clock.advance(MINUTE);
    await adjust(core, id, 'usage', '-2.5', 'Lunch');
    core.clock.advance(MINUTE);
    await adjust(core, id, 'count', '9');

    const { item, movements } = await core.call('inventory.history', { itemId: id });
    expect(item.onHand).toBe('9');
    expect(movements.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        reason: 'count',
        quantity: '9',
        onHandAfter: '9',
        note: '',
        recordedByName: 'Carl Cook',
        recordedAt: core.clock.iso(),
        occurredAt: core.clock.iso(),
        receivedAt: null,
      },
      {
        reason: 'usage',
        quantity: '-2.5',
        onHandAfter: '9.5',
        note: 'Lunch',
        recordedByName: 'Carl Cook',
        recordedAt: new Date(core.clock.now().getTime() - MINUTE).toISOString(),
        occurredAt: new Date(core.clock.now().getTime() - MINUTE).toISOString(),
        receivedAt: null,
      },
      {
        reason: 'delivery',
        quantity: '12',
        onHandAfter: '12',
        note: 'Monday delivery',
        recordedByName: session.user.fullName,
        recordedAt: new Date(core.clock.now().getTime() - 2 * MINUTE).toISOString(),
        occurredAt: new Date(core.clock.now().getTime() - 2 * MINUTE).toISOString(),
        receivedAt: null,
      },
    ]);
  });
});

/** Thousandths as decimal text, written independently of shared/decimal: 1500 → "1.5". */
function milliText(milli: number): string {
  const abs = Math.abs(milli);
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${milli < 0 ? '-' : ''}${Math.floor(abs / 1000)}${fraction ? `.${fraction}` : ''}`;
}

describe('stock derived from movements (property)', () => {
  const change = (reason: MovementReason, min: number, max: number) =>
    fc.record({ reason: fc.constant(reason), milli: fc.integer({ min, max }).filter((milli) => milli !== 0) });
  // Each reason with the sign it must carry: deliveries add, usage and waste take away.
  const movement = fc.oneof(
    change('count', 0, 10_000_000),
    change('delivery', 1, 10_000_000),
    change('usage', -10_000_000, -1),
    change('waste', -10_000_000, -1),
    change('correction', -10_000_000, 10_000_000),
  );

  it('on hand, value and history match a model of counts and changes', async () => {
    const { core } = await ownerCore();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 99_999 }),
        fc.array(movement, { maxLength: 15 }),
        async (cents, moves) => {
          const unitCost = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
          const { id } = await create(core, { unitCost });
          let level = 0;
          const levels: number[] = [];
          for (const { reason, milli } of moves) {
            await adjust(core, id, reason, milliText(milli));
            level = reason === 'count' ? milli : level + milli;
            levels.push(level);
          }
          const valueCents = Math.round((Math.max(0, level) * cents) / 1000);
          const item = await core.call('inventory.get', { id });
          expect(item.onHand).toBe(milliText(level));
          expect(item.stockValue).toBe(`${Math.floor(valueCents / 100)}.${String(valueCents % 100).padStart(2, '0')}`);
          const { movements } = await core.call('inventory.history', { itemId: id });
          expect(movements.map((m) => m.onHandAfter)).toEqual(levels.map(milliText).reverse());
          expect(movements.map((m) => m.quantity)).toEqual(moves.map((m) => milliText(m.milli)).reverse());
          // Each write moved the cached level itself: it is what all the movements add up to.
          expect(onHandMismatches(core.db)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

/**
 * Count sessions on one computer, over a real SQLite store: starting a count, the sheet in shelf
 * order, entries (who, which computer, when, committed with their outbox row), undo, conflicts and
 * their settling, review, approval, abandoning and usage between counts.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { deviceId } from '../store/meta';
import {
  HOUR,
  itemInput,
  MINUTE,
  outboxAfter,
  restaurantWithTeam,
  type TestCore,
  testCores,
} from '../testing/temp-core';

const open = testCores();

/** A restaurant with a walk-in and a dry store (kitchen) and a back bar, items on their shelves. */
async function kitchen(core: TestCore) {
  const team = await restaurantWithTeam(core);
  const walkIn = await core.call('storage.createArea', { area: 'kitchen', name: 'Walk-in' });
  const dry = await core.call('storage.createArea', { area: 'kitchen', name: 'Dry store' });
  const backBar = await core.call('storage.createArea', { area: 'bar', name: 'Back bar' });
  const item = (input: Partial<ChannelInput<'inventory.create'>>) => core.call('inventory.create', itemInput(input));
  const milk = await item({ name: 'Milk', unit: 'L', unitCost: '1.20', openingStock: '20', category: 'Dairy' });
  const flour = await item({ name: 'Flour', unit: 'kg', unitCost: '0.80', openingStock: '50', category: 'Dry goods' });
  const rice = await item({ name: 'Rice', unit: 'kg', unitCost: '2.00', openingStock: '10', category: 'Dry goods' });
  const salt = await item({ name: 'Salt', unit: 'kg', unitCost: '0.50', openingStock: '4', category: 'Dry goods' });
  const vodka = await item({ area: 'bar', name: 'Vodka', unit: 'bottle', unitCost: '15.00', openingStock: '6' });
  const place = (storageAreaId: string, itemId: string) => core.call('storage.placeItem', { storageAreaId, itemId });
  await place(walkIn.id, milk.id);
  await place(dry.id, rice.id);
  await place(dry.id, flour.id);
  await place(walkIn.id, flour.id); // flour stands in two storage areas
  await place(backBar.id, vodka.id);
  return { ...team, walkIn, dry, backBar, milk, flour, rice, salt, vodka };
}

const enter = (
  core: TestCore,
  countId: string,
  itemId: string,
  storageAreaId: string | null,
  quantity: string,
  kind: 'set' | 'add' = 'set',
) => core.call('counts.enter', { countId, itemId, storageAreaId, quantity, kind });

describe('starting a count and its sheet', () => {
  it('lists each storage area in order, its items in shelf order, then the items on no shelf', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    expect(count).toMatchObject({ status: 'open', scope: 'full', areas: ['kitchen'], asOf: null, blind: false });
    expect(count.progress).toEqual({ counted: 0, total: 4 });
    const sheet = await core.call('counts.get', { countId: count.id });
    expect(sheet.storageAreas.map((area) => [area.name, area.items.map((item) => item.name)])).toEqual([
      ['Walk-in', ['Milk', 'Flour']],
      ['Dry store', ['Rice', 'Flour']],
      ['Not on a shelf', ['Salt']],
    ]);
    expect(sheet.storageAreas[0]!.items[0]).toMatchObject({
      expected: '20',
      mine: null,
      counted: null,
      conflict: false,
    });
    expect((await core.call('counts.list', {})).counts.map((one) => one.id)).toEqual([count.id]);
    expect(sheet.storageAreas[1]!.items.map((item) => item.itemId)).toEqual([k.rice.id, k.flour.id]);
  });

  it('a partial count lists the chosen storage areas whole, elsewhere only the chosen categories', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', {
      scope: 'partial',
      storageAreaIds: [k.backBar.id],
      categories: ['Dairy'],
    });
    expect(count.storageAreaNames).toEqual(['Back bar']);
    const sheet = await core.call('counts.get', { countId: count.id });
    expect(sheet.storageAreas.map((area) => [area.name, area.items.map((item) => item.name)])).toEqual([
      ['Walk-in', ['Milk']],
      ['Back bar', ['Vodka']],
    ]);
  });

  it('refuses what cannot be counted, naming the field', async () => {
    const core = await open();
    const k = await kitchen(core);
    expect(await core.fail('counts.start', { scope: 'partial' })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'storageAreaIds', message: 'A partial count needs at least one storage area or category' }],
    });
    expect(
      await core.fail('counts.start', { areas: ['kitchen'], scope: 'partial', storageAreaIds: [k.backBar.id] }),
    ).toMatchObject({ kind: 'validation', issues: [{ path: 'storageAreaIds.0' }] });
    const future = new Date(core.clock.now().getTime() + HOUR).toISOString();
    expect(await core.fail('counts.start', { scope: 'full', asOf: future })).toMatchObject({
      issues: [{ path: 'asOf', message: 'A count cannot be as of a time in the future' }],
    });
    await k.as(k.staff);
    expect((await core.fail('counts.start', { scope: 'full' })).kind).toBe('forbidden');
  });
});

describe('entering lines', () => {
  it('commits each entry with its outbox row before answering: who, which computer, when', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { scope: 'full' });
    const before = outboxAfter(core.db).at(-1)!.mutationId;
    const saved = await core.call('counts.enter', {
      countId: count.id,
      itemId: k.vodka.id,
      storageAreaId: k.backBar.id,
      quantity: '4.3',
      parts: [
        { unit: 'bottle', amount: '4' },
        { unit: 'bottle', amount: '0.3' },
      ],
    });
    expect(saved.entry).toMatchObject({
      kind: 'set',
      quantity: '4.3',
      countedBy: { id: k.boss.id, name: 'Olive Owner' },
      deviceId: deviceId(core.db),
      occurredAt: core.clock.iso(),
      voided: false,
    });
    expect(saved.line).toEqual({
      itemId: k.vodka.id,
      storageAreaId: k.backBar.id,
      mine: '4.3',
      counted: '4.3',
      conflict: false,
      recount: false,
    });
    expect(outboxAfter(core.db, before)).toEqual([
      expect.objectContaining({
        name: 'count.enter',
        args: expect.objectContaining({ id: saved.entry.id, quantityMilli: 4300, kind: 'set', by: k.boss.id }),
      }),
    ]);
  });

  it('"+2" adds to the line, Ctrl+Z voids the last entry (kept, no longer counted)', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { scope: 'full' });
    await enter(core, count.id, k.milk.id, k.walkIn.id, '12');
    const added = await enter(core, count.id, k.milk.id, k.walkIn.id, '2', 'add');
    expect(added.line.counted).toBe('14');
    const undone = await core.call('counts.undoEntry', { countId: count.id, entryId: added.entry.id });
    expect(undone.line).toMatchObject({ mine: '12', counted: '12' });
    const sheet = await core.call('counts.get', { countId: count.id });
    expect(sheet.entries.map((entry) => [entry.quantity, entry.kind, entry.voided])).toEqual([
      ['12', 'set', false],
      ['2', 'add', true],
    ]);
    // Undone twice is undone once.
    await core.call('counts.undoEntry', { countId: count.id, entryId: added.entry.id });
    expect(outboxAfter(core.db).filter((m) => m.name === 'count.enter')).toHaveLength(3);
  });

  it('parts must come to the quantity, in the item’s units', async () => {
    const core = await open();
    const k = await kitchen(core);
    await core.call('inventory.setCountUnits', {
      itemId: k.vodka.id,
      units: [{ name: 'case', size: '6', step: null }],
    });
    const count = await core.call('counts.start', { scope: 'full' });
    const input = { countId: count.id, itemId: k.vodka.id, storageAreaId: k.backBar.id };
    const parts = [
      { unit: 'case', amount: '2' },
      { unit: 'bottle', amount: '5' },
    ];
    expect((await core.call('counts.enter', { ...input, quantity: '17', parts })).line.counted).toBe('17');
    expect(await core.fail('counts.enter', { ...input, quantity: '18', parts })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'parts', message: 'The parts come to 17, not 18' }],
    });
    expect(
      await core.fail('counts.enter', { ...input, quantity: '1', parts: [{ unit: 'keg', amount: '1' }] }),
    ).toMatchObject({ issues: [{ path: 'parts' }] });
  });

  it('a bar item is not counted in a kitchen storage area, nor in a count of the kitchen', async () => {
    const core = await open();
    const k = await kitchen(core);
    const both = await core.call('counts.start', { scope: 'full' });
    expect(
      await core.fail('counts.enter', {
        countId: both.id,
        itemId: k.vodka.id,
        storageAreaId: k.walkIn.id,
        quantity: '1',
      }),
    ).toMatchObject({ issues: [{ path: 'storageAreaId' }] });
    const kitchenOnly = await core.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    expect(
      await core.fail('counts.enter', {
        countId: kitchenOnly.id,
        itemId: k.vodka.id,
        storageAreaId: null,
        quantity: '1',
      }),
    ).toMatchObject({ issues: [{ path: 'itemId' }] });
  });

  it('a blind count hides the expected quantities from counters, not from owners and managers', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { scope: 'full', blind: true });
    const expected = async () =>
      (await core.call('counts.get', { countId: count.id })).storageAreas.flatMap((area) =>
        area.items.map((item) => item.expected),
      );
    expect(await expected()).toContain('20');
    await k.as(k.staff);
    expect(new Set(await expected())).toEqual(new Set([null]));
    expect((await core.fail('counts.review', { countId: count.id })).kind).toBe('forbidden');
  });
});

describe('several counters', () => {
  it('an item counted in two storage areas sums; two people on one line who disagree are a conflict, settled by a manager', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    await enter(core, count.id, k.flour.id, k.walkIn.id, '10');
    await enter(core, count.id, k.flour.id, k.dry.id, '30');
    await enter(core, count.id, k.milk.id, k.walkIn.id, '18');
    await k.as(k.staff);
    // The same quantity on the same line: they agree, nothing is summed.
    await enter(core, count.id, k.flour.id, k.walkIn.id, '10');
    const milk = await enter(core, count.id, k.milk.id, k.walkIn.id, '15');
    expect(milk.line).toMatchObject({ mine: '15', counted: null, conflict: true });

    await k.as(k.manager);
    let review = await core.call('counts.review', { countId: count.id });
    expect(review.conflicts).toBe(1);
    expect(review.items[0]).toMatchObject({
      name: 'Milk',
      counted: null,
      lines: [
        {
          storageAreaName: 'Walk-in',
          counted: null,
          conflict: [
            { countedBy: { name: 'Olive Owner' }, quantity: '18' },
            { countedBy: { name: 'Sid Staff' }, quantity: '15' },
          ],
        },
      ],
    });
    expect(review.items.find((item) => item.name === 'Flour')).toMatchObject({ counted: '40', expected: '50' });
    expect((await core.fail('counts.approve', { countId: count.id })).message).toMatch(/Settle the conflict/);

    const settled = await core.call('counts.settle', {
      countId: count.id,
      itemId: k.milk.id,
      storageAreaId: k.walkIn.id,
      quantity: '16',
    });
    expect(settled.line).toMatchObject({ counted: '16', conflict: false });
    review = await core.call('counts.review', { countId: count.id });
    expect(review.conflicts).toBe(0);
    expect(review.items.find((item) => item.name === 'Milk')).toMatchObject({ counted: '16', variance: '-4' });
  });
});

describe('review', () => {
  it('variance in quantity and money sorted by money, flags, uncounted items', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    await enter(core, count.id, k.milk.id, k.walkIn.id, '9'); // under half of 20: -11 L × 1.20 = -13.20
    await enter(core, count.id, k.flour.id, k.dry.id, '500'); // ten times 50: +450 kg × 0.80 = 360.00
    await enter(core, count.id, k.rice.id, k.dry.id, '25'); // over twice 10: +15 × 2.00 = 30.00
    await core.call('counts.submit', { countId: count.id });
    const review = await core.call('counts.review', { countId: count.id });
    expect(review.count.status).toBe('submitted');
    expect(review.items.map((item) => [item.name, item.variance, item.varianceValue, item.flags])).toEqual([
      [
        'Flour',
        '450',
        '360.00',
        [
          { kind: 'ten-times', against: 'expected' },
          { kind: 'ten-times', against: 'last count' },
        ],
      ],
      [
        'Rice',
        '15',
        '30.00',
        [
          { kind: 'over-twice', against: 'expected' },
          { kind: 'over-twice', against: 'last count' },
        ],
      ],
      [
        'Milk',
        '-11',
        '-13.20',
        [
          { kind: 'under-half', against: 'expected' },
          { kind: 'under-half', against: 'last count' },
        ],
      ],
    ]);
    expect(review.uncounted).toEqual([
      { itemId: k.salt.id, name: 'Salt', unit: 'kg', expected: '4', expectedValue: '2.00' },
    ]);
    expect(review.varianceValue).toBe('376.80');
  });

  it('asking for a recount opens the count again for those lines', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { areas: ['kitchen'], scope: 'full' });
    await enter(core, count.id, k.flour.id, k.dry.id, '500');
    await core.call('counts.submit', { countId: count.id });
    const reopened = await core.call('counts.requestRecount', {
      countId: count.id,
      lines: [{ itemId: k.flour.id, storageAreaId: k.dry.id }],
    });
    expect(reopened.status).toBe('open');
    const sheet = await core.call('counts.get', { countId: count.id });
    const dry = sheet.storageAreas.find((area) => area.name === 'Dry store')!;
    expect(dry.items.find((item) => item.name === 'Flour')).toMatchObject({ recount: true, counted: '500' });
    expect((await enter(core, count.id, k.flour.id, k.dry.id, '50')).line.counted).toBe('50');
  });
});

describe('approving, abandoning, usage', () => {
  it('posts one count movement per item as of the count, zeroes what the manager chose, then is read-only', async () => {
    const core = await open();
    const k = await kitchen(core);
    core.clock.advance(2 * HOUR);
    const asOf = new Date(core.clock.now().getTime() - HOUR).toISOString();
    // Used after the close the count is as of: it still applies after the count.
    await core.call('inventory.adjustStock', {
      itemId: k.milk.id,
      reason: 'usage',
      quantity: '-2',
      occurredAt: new Date(core.clock.now().getTime() - 30 * MINUTE).toISOString(),
    });
    const count = await core.call('counts.start', { areas: ['kitchen'], scope: 'full', asOf });
    await enter(core, count.id, k.milk.id, k.walkIn.id, '19');
    await enter(core, count.id, k.flour.id, k.walkIn.id, '10');
    await enter(core, count.id, k.flour.id, k.dry.id, '30');
    const review = await core.call('counts.review', { countId: count.id });
    expect(review.items.find((item) => item.name === 'Milk')).toMatchObject({
      expected: '20',
      counted: '19',
      countedAt: asOf,
    });
    const approved = await core.call('counts.approve', {
      countId: count.id,
      decisions: [
        { itemId: k.salt.id, decision: 'zero' },
        { itemId: k.rice.id, decision: 'keep' },
      ],
    });
    expect(approved).toMatchObject({ movements: 3, count: { status: 'approved', closedBy: { id: k.boss.id } } });
    const onHand = Object.fromEntries((await core.stock('kitchen')).items.map((item) => [item.name, item.onHand]));
    expect(onHand).toEqual({ Milk: '17', Flour: '40', Rice: '10', Salt: '0' });
    const { movements } = await core.call('inventory.history', { itemId: k.milk.id });
    expect(movements.map((m) => [m.reason, m.quantity, m.occurredAt])).toContainEqual(['count', '19', asOf]);
    expect(outboxAfter(core.db).at(-1)).toMatchObject({
      name: 'count.approve',
      args: { countId: count.id, entriesSeen: 3 },
    });

    expect(
      (await core.fail('counts.enter', { countId: count.id, itemId: k.milk.id, storageAreaId: null, quantity: '1' }))
        .kind,
    ).toBe('conflict');
    expect((await core.fail('counts.approve', { countId: count.id })).kind).toBe('conflict');
    expect((await core.fail('counts.abandon', { countId: count.id })).kind).toBe('conflict');
  });

  it('without an as-of time, an item counted in two storage areas is counted as of its first line; what was recorded between its lines applies after', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { areas: ['kitchen'], scope: 'partial', categories: ['Dry goods'] });
    const first = (await enter(core, count.id, k.flour.id, k.walkIn.id, '10')).entry.occurredAt;
    core.clock.advance(20 * MINUTE);
    await core.call('inventory.adjustStock', { itemId: k.flour.id, reason: 'usage', quantity: '-5' });
    core.clock.advance(20 * MINUTE);
    await enter(core, count.id, k.flour.id, k.dry.id, '30');
    const review = await core.call('counts.review', { countId: count.id });
    expect(review.items.find((item) => item.name === 'Flour')).toMatchObject({
      countedAt: first,
      expected: '50',
      counted: '40',
      variance: '-10',
      changedBetweenLines: '-5',
    });
    await core.call('counts.approve', { countId: count.id });
    const { movements } = await core.call('inventory.history', { itemId: k.flour.id });
    expect(movements.map((m) => [m.reason, m.quantity, m.onHandAfter])).toEqual([
      ['usage', '-5', '35'],
      ['count', '40', '40'],
      ['count', '50', '50'],
    ]);
    expect((await core.call('inventory.get', { id: k.flour.id })).onHand).toBe('35');
  });

  it('a partial count never zeroes anything', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { scope: 'partial', categories: ['Dry goods'] });
    expect(
      await core.fail('counts.approve', { countId: count.id, decisions: [{ itemId: k.salt.id, decision: 'zero' }] }),
    ).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'decisions.0.decision' }],
    });
    expect(await core.call('counts.approve', { countId: count.id })).toMatchObject({ movements: 0 });
    expect((await core.call('inventory.get', { id: k.salt.id })).onHand).toBe('4');
  });

  it('abandoning keeps the count in history and posts nothing', async () => {
    const core = await open();
    const k = await kitchen(core);
    const count = await core.call('counts.start', { scope: 'full' });
    await enter(core, count.id, k.milk.id, k.walkIn.id, '3');
    expect((await core.call('counts.abandon', { countId: count.id })).status).toBe('abandoned');
    expect((await core.call('inventory.get', { id: k.milk.id })).onHand).toBe('20');
    expect((await core.call('counts.list', {})).counts).toMatchObject([
      { id: count.id, status: 'abandoned', progress: { counted: 1 } },
    ]);
    expect(
      (await core.fail('counts.enter', { countId: count.id, itemId: k.milk.id, storageAreaId: null, quantity: '1' }))
        .kind,
    ).toBe('conflict');
  });

  it('usage between two approved counts: opening + deliveries − waste − closing, in quantity and money', async () => {
    const core = await open();
    const k = await kitchen(core);
    const first = await core.call('counts.start', { areas: ['kitchen'], scope: 'partial', categories: ['Dairy'] });
    await enter(core, first.id, k.milk.id, k.walkIn.id, '20');
    await core.call('counts.approve', { countId: first.id });
    core.clock.advance(HOUR);
    await core.call('inventory.adjustStock', { itemId: k.milk.id, reason: 'delivery', quantity: '12' });
    await core.call('inventory.adjustStock', { itemId: k.milk.id, reason: 'waste', quantity: '-1' });
    await core.call('inventory.adjustStock', { itemId: k.milk.id, reason: 'usage', quantity: '-20' });
    core.clock.advance(HOUR);
    const second = await core.call('counts.start', { areas: ['kitchen'], scope: 'partial', categories: ['Dairy'] });
    await enter(core, second.id, k.milk.id, k.walkIn.id, '8');
    await core.call('counts.approve', { countId: second.id });
    const usage = await core.call('counts.usage', { countId: second.id });
    expect(usage.since?.id).toBe(first.id);
    expect(usage.items).toEqual([
      {
        itemId: k.milk.id,
        name: 'Milk',
        unit: 'L',
        opening: '20',
        deliveries: '12',
        waste: '1',
        corrections: '0',
        closing: '8',
        usage: '23',
        usageValue: '27.60',
        recordedUsage: '20',
      },
    ]);
    expect(usage.usageValue).toBe('27.60');
  });
});

import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName } from '../../shared/contract';
import {
  itemInput,
  lastMutationId,
  MINUTE,
  member,
  outboxAfter,
  PASSWORD,
  registerOwner,
  restaurantWithTeam,
  signInAs,
  type TestCore,
  tableCounts,
  testCores,
} from '../testing/temp-core';
import { readOutbox } from './outbox';

const open = testCores();

type Team = Awaited<ReturnType<typeof restaurantWithTeam>>;

const profile = {
  fullName: 'Olive M.',
  email: 'olive.m@example.com',
  position: 'Chef',
  kitchenProduceList: ['Basil'],
  barProduceList: ['Limes', 'Mint'],
};

/** Runs one call and returns the mutations it appended, as [name, args]; each is by whoever is signed in. */
async function mutationsOf<C extends ChannelName>(core: TestCore, channel: C, input: ChannelInput<C>) {
  const before = lastMutationId(core.db);
  core.clock.advance(MINUTE);
  await core.call(channel, input);
  const added = outboxAfter(core.db, before);
  const author = (await core.call('auth.session', {}))?.user.id;
  for (const mutation of added) expect(mutation).toMatchObject({ createdAt: core.clock.iso(), authorId: author });
  return added.map(({ name, args }) => [name, args]);
}

describe('outbox rows written with every change', () => {
  it('register: the restaurant and its owner', async () => {
    const core = await open();
    const input = {
      restaurantName: 'Chez Olive',
      restaurantType: 'cafe',
      fullName: 'Olive Martin',
      position: 'Chef',
      username: 'olive',
      email: 'olive@example.com',
      password: PASSWORD,
    } as const;
    const mutations = await mutationsOf(core, 'auth.register', input);
    const session = await core.call('auth.session', {});
    expect(mutations).toEqual([
      ['restaurant.create', { id: session?.restaurant.id, name: 'Chez Olive', type: 'cafe' }],
      [
        'user.create',
        {
          id: session?.user.id,
          restaurantId: session?.restaurant.id,
          username: 'olive',
          email: 'olive@example.com',
          fullName: 'Olive Martin',
          position: 'Chef',
          role: 'owner',
          isActive: true,
          kitchenProduceList: [],
          barProduceList: [],
        },
      ],
    ]);
  });

  it('signing in and out writes nothing to sync', async () => {
    const core = await open();
    const { user } = await registerOwner(core);
    expect(await mutationsOf(core, 'auth.logout', {})).toEqual([]);
    expect(await mutationsOf(core, 'auth.login', { login: user.username, password: PASSWORD })).toEqual([]);
  });

  it('items: create, update (the fields given), delete, and stock movements', async () => {
    const core = await open();
    const { user, restaurant } = await registerOwner(core);
    const input = itemInput({ name: 'Gin', area: 'bar', unitCost: '24.5', par: '2', openingStock: '1.5' });
    const created = await mutationsOf(core, 'inventory.create', input);
    const [[, item] = []] = created as [string, { id: string }][];
    const id = item?.id ?? '';
    expect(created).toEqual([
      [
        'item.create',
        {
          id: expect.any(String),
          restaurantId: restaurant.id,
          area: 'bar',
          name: 'Gin',
          category: input.category,
          supplier: input.supplier,
          unit: input.unit,
          unitCostCents: 2450,
          parMilli: 2000,
        },
      ],
      [
        'movement.record',
        {
          id: expect.any(String),
          restaurantId: restaurant.id,
          itemId: id,
          reason: 'count',
          quantityMilli: 1500,
          note: 'Opening stock',
          by: user.id,
          at: core.clock.iso(),
          // No server reached yet: no offset, so it happened when this computer's clock says.
          occurredAt: core.clock.iso(),
          clockOffsetMs: null,
        },
      ],
    ]);

    expect(await mutationsOf(core, 'inventory.update', { id, unitCost: '25.00', par: null })).toEqual([
      ['item.update', { id, unitCostCents: 2500, parMilli: null }],
    ]);
    expect(
      await mutationsOf(core, 'inventory.adjustStock', { itemId: id, reason: 'usage', quantity: '-0.25', note: 'G&T' }),
    ).toEqual([
      [
        'movement.record',
        expect.objectContaining({ itemId: id, reason: 'usage', quantityMilli: -250, note: 'G&T', by: user.id }),
      ],
    ]);
    expect(await mutationsOf(core, 'inventory.delete', { id })).toEqual([['item.delete', { id }]]);
  });

  it('an item without opening stock is one mutation', async () => {
    const core = await open();
    await registerOwner(core);
    expect((await mutationsOf(core, 'inventory.create', itemInput())).map(([name]) => name)).toEqual(['item.create']);
  });

  it('team changes and profile updates: the user as it now is', async () => {
    const core = await open();
    const { boss, staff } = await restaurantWithTeam(core);
    const asSynced = (changes: Record<string, unknown>) => expect.objectContaining({ id: staff.id, ...changes });

    const newcomer = member('staff', { username: 'newbie', email: 'newbie@example.com' });
    expect(await mutationsOf(core, 'team.create', newcomer)).toEqual([
      ['user.create', expect.objectContaining({ username: 'newbie', role: 'staff', isActive: true })],
    ]);
    expect(await mutationsOf(core, 'team.setRole', { userId: staff.id, role: 'manager' })).toEqual([
      ['user.update', asSynced({ role: 'manager' })],
    ]);
    expect(await mutationsOf(core, 'team.deactivate', { userId: staff.id })).toEqual([
      ['user.update', asSynced({ isActive: false })],
    ]);
    expect(await mutationsOf(core, 'team.reactivate', { userId: staff.id })).toEqual([
      ['user.update', asSynced({ isActive: true, role: 'manager' })],
    ]);
    expect(await mutationsOf(core, 'auth.updateProfile', profile)).toEqual([
      ['user.update', expect.objectContaining({ id: boss.id, ...profile })],
    ]);
  });

  it('mutation ids strictly increase', async () => {
    const core = await open();
    await restaurantWithTeam(core);
    const item = await core.call('inventory.create', itemInput({ openingStock: '1' }));
    await core.call('inventory.adjustStock', { itemId: item.id, reason: 'delivery', quantity: '1' });
    const ids = readOutbox(core.db).map((mutation) => mutation.mutationId);
    // restaurant, owner, manager, staff, item, opening count, delivery
    expect(ids.length).toBe(7);
    ids.slice(1).forEach((id, index) => {
      expect(id).toBeGreaterThan(ids[index] ?? Number.POSITIVE_INFINITY);
    });
  });
});

describe('no password hash ever reaches the outbox', () => {
  it('after every kind of account change', async () => {
    const core = await open();
    const { staff } = await restaurantWithTeam(core);
    await core.call('auth.changePassword', { currentPassword: PASSWORD, newPassword: 'another long secret' });
    const { code } = await core.call('auth.issueResetCode', { userId: staff.id });
    await core.call('auth.logout', {});
    await core.call('auth.resetPassword', { username: staff.username, code, newPassword: 'staff new secret' });
    await signInAs(core, staff.username, 'staff new secret');
    await core.call('auth.updateProfile', {
      fullName: 'Sid',
      email: 'sid@example.com',
      position: '',
      kitchenProduceList: [],
      barProduceList: [],
    });

    const hashes = core.db.prepare('SELECT password_hash FROM users').pluck().all() as string[];
    const rows = core.db.prepare('SELECT args FROM outbox').pluck().all() as string[];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const args of rows) {
      expect(args).not.toMatch(/\$2[aby]\$/);
      expect(args).not.toMatch(/password|hash/i);
      for (const hash of hashes) expect(args).not.toContain(hash.slice(7));
    }
  });
});

describe('a failed write leaves no trace', () => {
  async function withItem() {
    const core = await open();
    const team = await restaurantWithTeam(core);
    const item = await core.call('inventory.create', itemInput({ name: 'Basil', openingStock: '2' }));
    return { core, item, ...team };
  }

  it.each([
    ['validation', (core: TestCore) => core.fail('inventory.create', itemInput({ unitCost: 'abc' }))],
    ['conflict', (core: TestCore) => core.fail('inventory.create', itemInput({ name: 'BASIL' }))],
    [
      'validation',
      (core: TestCore, itemId: string) =>
        core.fail('inventory.adjustStock', { itemId, reason: 'delivery', quantity: '0' }),
    ],
    ['not_found', (core: TestCore) => core.fail('team.deactivate', { userId: '019ad0a0-0000-7000-8000-000000000000' })],
  ])('%s', async (kind, attempt) => {
    const { core, item } = await withItem();
    const before = tableCounts(core.db);
    expect(await attempt(core, item.id)).toMatchObject({ kind });
    expect(tableCounts(core.db)).toEqual(before);
  });

  it('forbidden', async () => {
    const { core, item, staff, as } = await withItem();
    await as(staff);
    const before = tableCounts(core.db);
    expect(await core.fail('inventory.delete', { id: item.id })).toMatchObject({ kind: 'forbidden' });
    expect(await core.fail('inventory.create', itemInput())).toMatchObject({ kind: 'forbidden' });
    expect(await core.fail('team.create', member('staff'))).toMatchObject({ kind: 'forbidden' });
    expect(tableCounts(core.db)).toEqual(before);
    expect(core.db.prepare('SELECT deleted_at FROM items WHERE id = ?').pluck().get(item.id)).toBeNull();
  });
});

describe('data and its mutation commit together', () => {
  /** Makes every write to `table` fail, as a full disk or a bug would. */
  const breakWritesTo = (core: TestCore, table: string) =>
    core.db.exec(
      `CREATE TEMP TRIGGER broken_${table} BEFORE INSERT ON main.${table} BEGIN SELECT RAISE(ABORT, 'broken'); END`,
    );

  it.each([
    ['outbox', 'inventory.create', () => itemInput()],
    ['outbox', 'inventory.create', () => itemInput({ openingStock: '3' })],
    ['stock_movements', 'inventory.create', () => itemInput({ openingStock: '3' })],
    ['outbox', 'team.create', () => member('staff')],
    ['outbox', 'team.setRole', (team: Team) => ({ userId: team.staff.id, role: 'manager' })],
    ['outbox', 'team.deactivate', (team: Team) => ({ userId: team.staff.id })],
    ['outbox', 'auth.updateProfile', () => profile],
  ] as const)('when writing %s fails, %s writes nothing at all', async (table, channel, input) => {
    const core = await open();
    const team = await restaurantWithTeam(core);
    const before = { counts: tableCounts(core.db), users: core.db.prepare('SELECT * FROM users').all() };
    breakWritesTo(core, table);
    expect(await core.invoke(channel, input(team))).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect({ counts: tableCounts(core.db), users: core.db.prepare('SELECT * FROM users').all() }).toEqual(before);
  });

  it('register, when the outbox is broken, creates no restaurant and no user', async () => {
    const core = await open();
    const before = tableCounts(core.db);
    breakWritesTo(core, 'outbox');
    const result = await core.invoke('auth.register', {
      restaurantName: 'Doomed',
      restaurantType: 'bar',
      fullName: 'D',
      username: 'doomed',
      email: 'doomed@example.com',
      password: PASSWORD,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(tableCounts(core.db)).toEqual(before);
    expect(await core.call('auth.session', {})).toBeNull();
  });
});

describe('reading the outbox back through the mutation registry', () => {
  it.each([
    [
      'arguments of the wrong shape',
      'item.create',
      "json_set(args, '$.unitCostCents', 'lots')",
      /args\.unitCostCents: /,
    ],
    ['a name no mutation has', 'item.rename', 'args', /name: /],
    ['arguments that are not JSON', 'item.create', "'{'", /its arguments are not JSON/],
  ])('%s: an error naming the change, and the outbox as it was', async (_, name, args, problem) => {
    const core = await open();
    await restaurantWithTeam(core);
    await core.call('inventory.create', itemInput());
    const id = lastMutationId(core.db);
    core.db.prepare(`UPDATE outbox SET name = ?, args = ${args} WHERE mutation_id = ?`).run(name, id);
    const before = tableCounts(core.db);
    expect(() => readOutbox(core.db)).toThrow(`Change ${id} (${name}) waiting to sync cannot be read: `);
    expect(() => readOutbox(core.db)).toThrow(problem);
    expect(tableCounts(core.db)).toEqual(before);
  });
});

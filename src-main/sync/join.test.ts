/**
 * A computer that started on the embedded default — a restaurant, its people, items and stock in
 * its own store — joins a central server: everything goes up once, the computer is bound to the
 * restaurant there, its outbox starts afresh, and a second computer signing in sees it all. An
 * upload cut short resumes without duplicates; only an owner or manager, with their password, joins.
 */
import { describe, expect, test } from 'vitest';
import type { TeamMember } from '../../shared/contract/team';
import { adminQuery } from '../central/testing/test-server';
import { itemInput, member, owner, PASSWORD, signInAs } from '../testing/temp-core';
import { type Device, expectConverged, onHandByName, sessionOrigin, syncAll, syncTestFile } from './testing/devices';

const file = syncTestFile();
const { devices } = file;

interface LocalRestaurant {
  id: string;
  ownerId: string;
  ownerName: string;
  staff: TeamMember;
}

/** A restaurant made on this computer alone: two people, three items (one deleted), four movements. */
async function localRestaurant(device: Device): Promise<LocalRestaurant> {
  const registration = owner();
  const session = await device.call('auth.register', registration);
  const staff = await device.call('team.create', member('staff'));
  const flour = await device.call('inventory.create', itemInput({ name: 'Flour', openingStock: '10' }));
  const gin = await device.call(
    'inventory.create',
    itemInput({ area: 'bar', name: 'Gin', unit: 'bottle', openingStock: '3' }),
  );
  const salt = await device.call('inventory.create', itemInput({ name: 'Salt' }));
  await device.call('inventory.delete', { id: salt.id });
  await device.call('inventory.adjustStock', { itemId: flour.id, reason: 'usage', quantity: '-2' });
  await device.call('inventory.adjustStock', { itemId: gin.id, reason: 'delivery', quantity: '6' });
  return { id: session.restaurant.id, ownerId: session.user.id, ownerName: registration.username, staff };
}

/** Row counts the server holds for a restaurant, as its administrator sees them. */
async function serverCounts(restaurantId: string) {
  const { rows } = await adminQuery<{
    restaurants: number;
    users: number;
    items: number;
    deleted: number;
    movements: number;
  }>(
    file.server,
    `SELECT (SELECT count(*) FROM kg.restaurants WHERE id = $1)::int AS restaurants,
            (SELECT count(*) FROM kg.users WHERE restaurant_id = $1)::int AS users,
            (SELECT count(*) FROM kg.items WHERE restaurant_id = $1)::int AS items,
            (SELECT count(*) FROM kg.items WHERE restaurant_id = $1 AND deleted_at IS NOT NULL)::int AS deleted,
            (SELECT count(*) FROM kg.stock_movements WHERE restaurant_id = $1)::int AS movements`,
    [restaurantId],
  );
  return rows[0];
}

const ALL_UP = { restaurants: 1, users: 2, items: 3, deleted: 1, movements: 4 };
const NOTHING = { restaurants: 0, users: 0, items: 0, deleted: 0, movements: 0 };

describe('joining a server with data made on this computer', () => {
  test('everything goes up once; the computer is bound, its outbox empty; another computer sees it all', async () => {
    const pc = await devices.open('pc');
    const local = await localRestaurant(pc);
    expect((await pc.call('sync.status', {})).waiting).toBeGreaterThan(0);

    expect(await pc.connect({ ownerPassword: PASSWORD })).toEqual({ uploaded: { users: 1, items: 3, movements: 4 } });
    expect(await serverCounts(local.id)).toEqual(ALL_UP);
    expect(await pc.call('central.settings', {})).toMatchObject({ restaurantId: local.id });
    expect(sessionOrigin(pc)).toBe('server');
    expect(await pc.call('sync.status', {})).toMatchObject({ waiting: 0 });

    const laptop = await devices.signedIn('laptop', local.ownerName);
    await syncAll([pc, laptop]);
    expect(await onHandByName(laptop)).toEqual({ Flour: '8', Gin: '9' });
    expect(await laptop.call('team.list', {})).toEqual(await pc.call('team.list', {}));
    await expectConverged(file.server, local.id, [pc, laptop]);

    // Work after the join is pushed as usual, and the staff's password came up with them.
    const [flour] = (await pc.stock('kitchen')).items;
    await pc.call('inventory.adjustStock', { itemId: flour!.id, reason: 'count', quantity: '20' });
    await syncAll([pc, laptop]);
    expect(await onHandByName(laptop)).toEqual({ Flour: '20', Gin: '9' });
    await signInAs(laptop, local.staff.username);
    expect(sessionOrigin(laptop)).toBe('server');
    await syncAll([pc, laptop]);
    expect(await serverCounts(local.id)).toEqual({ ...ALL_UP, movements: 5 });
    await expectConverged(file.server, local.id, [pc, laptop]);
  });

  test('an upload cut short resumes on the next connect without duplicates', async () => {
    const pc = await devices.open('pc');
    const local = await localRestaurant(pc);
    const withhold = (fn: string, grant: boolean) =>
      adminQuery(
        file.server,
        `${grant ? 'GRANT' : 'REVOKE'} EXECUTE ON FUNCTION ${fn} ${grant ? 'TO' : 'FROM'} ${file.server.appRole}_computers`,
      );

    // Cut right after the server made the restaurant and its owner…
    await withhold('kg.upload_users(jsonb)', false);
    expect(await pc.fail('central.connect', { ...file.server.connection, ownerPassword: PASSWORD })).toMatchObject({
      kind: 'unavailable',
    });
    await withhold('kg.upload_users(jsonb)', true);
    expect(await serverCounts(local.id)).toEqual({ ...NOTHING, restaurants: 1, users: 1 });
    expect(await pc.call('central.settings', {})).toMatchObject({ restaurantId: null });

    // …then after the people and items, before the movements…
    await withhold('kg.upload_movements(jsonb, uuid)', false);
    expect(await pc.fail('central.connect', { ...file.server.connection, ownerPassword: PASSWORD })).toMatchObject({
      kind: 'unavailable',
    });
    await withhold('kg.upload_movements(jsonb, uuid)', true);
    expect(await serverCounts(local.id)).toEqual({ ...ALL_UP, movements: 0 });

    // …and the third attempt brings up only what was missing.
    expect(await pc.connect({ ownerPassword: PASSWORD })).toEqual({ uploaded: { users: 0, items: 0, movements: 4 } });
    expect(await serverCounts(local.id)).toEqual(ALL_UP);
    expect(await pc.call('sync.status', {})).toMatchObject({ waiting: 0 });
    await syncAll([pc]);
    await expectConverged(file.server, local.id, [pc]);
  });

  test("the joining owner's profile goes up whole: position and produce lists", async () => {
    const pc = await devices.open('pc');
    const local = await localRestaurant(pc);
    const profile = { position: 'Chef-owner', kitchenProduceList: ['Flour'], barProduceList: ['Gin'] };
    const own = (await pc.call('auth.session', {}))!.user;
    await pc.call('auth.updateProfile', { fullName: own.fullName, email: own.email, ...profile });
    expect((await pc.call('auth.session', {}))?.user).toMatchObject(profile);

    expect(await pc.connect({ ownerPassword: PASSWORD })).toEqual({ uploaded: { users: 1, items: 3, movements: 4 } });
    const { rows } = await adminQuery(
      file.server,
      'SELECT position, kitchen_produce_list AS "kitchenProduceList", bar_produce_list AS "barProduceList" FROM kg.users WHERE id = $1',
      [local.ownerId],
    );
    expect(rows).toEqual([profile]);
    await syncAll([pc]);
    expect((await pc.call('auth.session', {}))?.user).toMatchObject(profile);
  });
});

describe('who may join, and with what', () => {
  test("without the owner's password, or with a wrong one, nothing is saved or sent; staff may not join at all", async () => {
    const pc = await devices.open('pc');
    const local = await localRestaurant(pc);
    const before = await pc.call('central.settings', {});
    expect(before).toEqual({ settings: null, passwordSaved: false, restaurantId: null });

    const missing = await pc.fail('central.connect', { ...file.server.connection });
    expect(missing).toMatchObject({ kind: 'validation', issues: [{ path: 'ownerPassword' }] });
    const wrong = await pc.fail('central.connect', { ...file.server.connection, ownerPassword: 'not the password' });
    expect(wrong).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'ownerPassword', message: 'Password is incorrect.' }],
    });
    expect(await pc.call('central.settings', {})).toEqual(before);
    expect(await serverCounts(local.id)).toEqual(NOTHING);
    // Still the embedded default: the owner signs out and in against this computer's store.
    await signInAs(pc, local.ownerName);
    expect(sessionOrigin(pc)).toBe('local');

    await signInAs(pc, local.staff.username);
    expect(await pc.fail('central.connect', { ...file.server.connection, ownerPassword: PASSWORD })).toMatchObject({
      kind: 'forbidden',
    });
    expect(await pc.call('central.settings', {})).toEqual(before);
    expect(await serverCounts(local.id)).toEqual(NOTHING);
  });
});

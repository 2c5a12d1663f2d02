import { describe, expect, it } from 'vitest';
import { addMember, itemInput, member, registerOwner, restaurantWithTeam, testCores } from '../testing/temp-core';

const open = testCores();

async function team() {
  const core = await open();
  return { core, ...(await restaurantWithTeam(core)) };
}

const forbidden = { kind: 'forbidden' };

describe('staff', () => {
  it('cannot shape the item list, run the team or issue reset codes', async () => {
    const { core, staff, manager, as } = await team();
    const item = await core.call('inventory.create', itemInput());
    await as(staff);
    expect(await core.fail('inventory.create', itemInput())).toMatchObject(forbidden);
    expect(await core.fail('inventory.update', { id: item.id, unitCost: '0.01' })).toMatchObject(forbidden);
    expect(await core.fail('inventory.delete', { id: item.id })).toMatchObject(forbidden);
    expect(await core.fail('team.list', {})).toMatchObject(forbidden);
    expect(await core.fail('team.create', member('staff'))).toMatchObject(forbidden);
    expect(await core.fail('team.setRole', { userId: staff.id, role: 'manager' })).toMatchObject(forbidden);
    expect(await core.fail('team.deactivate', { userId: manager.id })).toMatchObject(forbidden);
    expect(await core.fail('auth.issueResetCode', { userId: manager.id })).toMatchObject(forbidden);
    expect(await core.call('inventory.get', { id: item.id })).toMatchObject({ unitCost: item.unitCost });
  });

  it('can see and adjust stock', async () => {
    const { core, staff, as } = await team();
    const item = await core.call('inventory.create', itemInput({ openingStock: '2' }));
    await as(staff);
    expect(
      (await core.call('inventory.adjustStock', { itemId: item.id, reason: 'usage', quantity: '-1' })).onHand,
    ).toBe('1');
    expect((await core.stock('kitchen')).items).toHaveLength(1);
    expect((await core.call('inventory.history', { itemId: item.id })).movements).toHaveLength(2);
  });
});

describe('managers', () => {
  it('add staff and managers, change their roles and deactivate them', async () => {
    const { core, manager, staff, as } = await team();
    await as(manager);
    const newcomer = await addMember(core, 'staff');
    expect(newcomer).toMatchObject({ role: 'staff', isActive: true, lastLoginAt: null });
    expect(await core.call('team.setRole', { userId: staff.id, role: 'manager' })).toMatchObject({ role: 'manager' });
    expect(await core.call('team.deactivate', { userId: newcomer.id })).toMatchObject({ isActive: false });
    expect((await addMember(core, 'manager')).role).toBe('manager');
  });

  it('cannot make owners, nor change or deactivate an owner', async () => {
    const { core, boss, manager, staff, as } = await team();
    await as(manager);
    expect(await core.fail('team.create', member('owner'))).toMatchObject(forbidden);
    expect(await core.fail('team.setRole', { userId: staff.id, role: 'owner' })).toMatchObject(forbidden);
    expect(await core.fail('team.setRole', { userId: manager.id, role: 'owner' })).toMatchObject(forbidden);
    expect(await core.fail('team.setRole', { userId: boss.id, role: 'staff' })).toMatchObject(forbidden);
    expect(await core.fail('team.deactivate', { userId: boss.id })).toMatchObject(forbidden);
    expect(await core.fail('team.reactivate', { userId: boss.id })).toMatchObject(forbidden);
    expect(await core.fail('auth.issueResetCode', { userId: boss.id })).toMatchObject(forbidden);
    const roles = Object.fromEntries((await core.call('team.list', {})).map((m) => [m.username, [m.role, m.isActive]]));
    expect(roles).toEqual({
      [boss.username]: ['owner', true],
      [manager.username]: ['manager', true],
      [staff.username]: ['staff', true],
    });
  });
});

describe('owners', () => {
  it('promote a manager to owner, who can then manage owners', async () => {
    const { core, boss, manager, as } = await team();
    expect(await core.call('team.setRole', { userId: manager.id, role: 'owner' })).toMatchObject({ role: 'owner' });
    await as(manager);
    expect((await core.call('auth.session', {}))?.user.role).toBe('owner');
    expect(await core.call('team.setRole', { userId: boss.id, role: 'manager' })).toMatchObject({ role: 'manager' });
  });

  it('the last active owner cannot demote themselves; with a second owner they can', async () => {
    const { core, boss, manager } = await team();
    const lastOwner = { kind: 'forbidden', message: 'A restaurant needs at least one active owner.' };
    expect(await core.fail('team.setRole', { userId: boss.id, role: 'manager' })).toEqual(lastOwner);
    const second = await addMember(core, 'owner');
    await core.call('team.deactivate', { userId: second.id });
    // An inactive owner does not count.
    expect(await core.fail('team.setRole', { userId: boss.id, role: 'staff' })).toEqual(lastOwner);
    await core.call('team.setRole', { userId: manager.id, role: 'owner' });
    expect(await core.call('team.setRole', { userId: boss.id, role: 'manager' })).toMatchObject({ role: 'manager' });
  });

  it('nobody deactivates themselves', async () => {
    const { core, boss, manager, as } = await team();
    expect(await core.fail('team.deactivate', { userId: boss.id })).toMatchObject(forbidden);
    await as(manager);
    expect(await core.fail('team.deactivate', { userId: manager.id })).toMatchObject(forbidden);
    const active = (await core.call('team.list', {})).filter((m) => m.isActive);
    expect(active).toHaveLength(3);
  });

  it('see their team, active members first', async () => {
    const { core, staff } = await team();
    await core.call('team.deactivate', { userId: staff.id });
    const list = await core.call('team.list', {});
    expect(list.map((m) => [m.fullName, m.isActive])).toEqual([
      ['Mona Manager', true],
      ['Olive Owner', true],
      ['Sid Staff', false],
    ]);
  });

  it('are told whom they may change: not themselves, and owners only if they are one', async () => {
    const { core, manager, as } = await team();
    const changeable = async () =>
      Object.fromEntries((await core.call('team.list', {})).map((m) => [m.fullName, m.canChange]));
    expect(await changeable()).toEqual({ 'Mona Manager': true, 'Olive Owner': false, 'Sid Staff': true });
    await as(manager);
    expect(await changeable()).toEqual({ 'Mona Manager': false, 'Olive Owner': false, 'Sid Staff': true });
  });

  it('new members need a free username and email', async () => {
    const { core, staff } = await team();
    expect(await core.fail('team.create', member('staff', { username: staff.username.toUpperCase() }))).toMatchObject({
      kind: 'conflict',
      field: 'username',
    });
    expect(await core.fail('team.create', member('staff', { email: staff.email.toUpperCase() }))).toMatchObject({
      kind: 'conflict',
      field: 'email',
    });
  });
});

describe('another restaurant', () => {
  it('is invisible to a manager: its users are not found, and unchanged', async () => {
    const { core, as, manager } = await team();
    await core.call('auth.logout', {});
    await registerOwner(core);
    const stranger = await addMember(core, 'staff');
    await as(manager);
    const notFound = { kind: 'not_found' };
    expect(await core.fail('team.setRole', { userId: stranger.id, role: 'manager' })).toMatchObject(notFound);
    expect(await core.fail('team.deactivate', { userId: stranger.id })).toMatchObject(notFound);
    expect(await core.fail('team.reactivate', { userId: stranger.id })).toMatchObject(notFound);
    expect((await core.call('team.list', {})).map((m) => m.id)).not.toContain(stranger.id);
    const row = core.db.prepare('SELECT role, is_active FROM users WHERE id = ?').get(stranger.id);
    expect(row).toEqual({ role: 'staff', is_active: 1 });
  });
});

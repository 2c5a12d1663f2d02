/**
 * Two computers, one central server (a throwaway TLS PostgreSQL, see support/central-server.ts),
 * used as a restaurant would: the office PC connects from the sign-in screen and registers the
 * restaurant there; the manager's laptop connects through a relay that can go offline, signs in
 * and gets what the office has. Stock changed on both, one of them offline, ends the same on both;
 * a first sign-in needs the server, a known user signs in offline; a change the server refuses is
 * listed on the laptop that made it, and undone there.
 */
import { chooseCurrency, expect } from './support/app';
import { someone, test } from './support/central-site';
import type { ItemSpec } from './support/data';

const TOMATOES = { name: 'Tomatoes', unit: 'kg', unitCost: '2.50', openingStock: '10' } satisfies Partial<ItemSpec>;

test('an item added on one computer shows on the other; stock changed offline arrives and both agree', async ({
  site: { server, relay, office, laptop },
}) => {
  const owner = someone('owner');
  const cook = someone('cook', 'Staff');
  const [officeKitchen, laptopKitchen] = [office.stock('kitchen'), laptop.stock('kitchen')];

  // The office PC connects from the sign-in screen: a wrong CA is refused and says so, then the test passes.
  await office.open();
  await expect(office.syncState).toHaveText('Central server: not set up');
  await office.fillConnection({ ...server, caFile: server.wrongCaFile });
  await expect(await office.testConnection()).toContainText('could not be verified with the CA bundle');
  await office.shot('connection-wrong-ca');
  await office.connectionForm.getByLabel(/^CA bundle file/).fill(server.caFile);
  const report = await office.testConnection();
  await expect(report).toContainText('Connection works');
  await expect(report).toContainText('TLSv1.');
  await expect(report).toContainText(/Schema version\s*\d+/);
  await office.shot('connection-report');
  await office.connect(server);
  await expect(office.syncState).toHaveText('Sign in to sync');
  await office.shot('connected-sign-in');

  // It registers the restaurant (on the server) and adds an item; the item goes up.
  await office.register(owner);
  await officeKitchen.addItem(TOMATOES);
  await expect(officeKitchen.cell('Tomatoes', 'On hand')).toHaveText('10 kg');
  await office.expectInStep();
  await office.shot('office-online');
  await office.go('Team');
  await office.team.addMember(cook);
  await office.go('Kitchen');

  // The laptop connects through the relay and signs in with the same account: it gets the item.
  await laptop.open();
  await laptop.connectFromSignIn(server, relay.port);
  await laptop.signIn(owner.username, owner.password);
  await expect(laptopKitchen.cell('Tomatoes', 'On hand')).toHaveText('10 kg');
  await laptop.expectInStep();
  await laptop.shot('laptop-online');

  // Offline, the laptop records usage: saved here, shown offline with one change waiting.
  relay.setOnline(false);
  await laptopKitchen.adjust('Tomatoes', 'Usage', '3');
  await expect(laptopKitchen.cell('Tomatoes', 'On hand')).toHaveText('7 kg');
  await expect(laptop.syncState).toHaveText('Offline');
  await expect(laptop.waiting).toHaveText('1 change to send');
  await laptop.shot('laptop-offline');

  // Meanwhile the office records a delivery, which reaches the server.
  await officeKitchen.adjust('Tomatoes', 'Delivery', '5');
  await expect(officeKitchen.cell('Tomatoes', 'On hand')).toHaveText('15 kg');
  await office.expectInStep();

  // Back online, the laptop syncs: its usage goes up, the delivery comes down.
  relay.setOnline(true);
  await laptop.syncNow();
  await laptop.expectInStep();
  await expect(laptopKitchen.cell('Tomatoes', 'On hand')).toHaveText('12 kg');
  await laptop.shot('laptop-back-online');

  // The office gets the laptop's usage with its next sync: both agree.
  await office.syncNow();
  await expect(officeKitchen.cell('Tomatoes', 'On hand')).toHaveText('12 kg');
  await office.expectInStep();

  // Offline again: the cook, who never signed in on the laptop, is told the server is needed;
  // the owner, who did, signs in against what the laptop remembers.
  relay.setOnline(false);
  await laptop.signOut();
  await laptop.fillSignIn(cook.username, cook.password);
  await laptop.submitSignIn();
  const refusal = laptop.signInForm.getByRole('alert');
  await expect(refusal).toContainText('The central server cannot be reached');
  await expect(refusal).toContainText('its first sign-in needs the server');
  await laptop.shot('laptop-offline-first-sign-in');
  await laptop.signIn(owner.username, owner.password);
  await expect(laptopKitchen.cell('Tomatoes', 'On hand')).toHaveText('12 kg');
  await expect(laptop.syncState).toHaveText('Offline');
});

test.describe(() => {
  test.use({ shotFolder: 'central-sync-currency' });

  test("a restaurant's currency shows on every computer, and a change of it reaches the other", async ({
    site: { server, relay, office, laptop },
  }) => {
    const owner = { ...someone('owner'), currency: 'EUR' };
    const [officeKitchen, laptopKitchen] = [office.stock('kitchen'), laptop.stock('kitchen')];

    await office.open();
    await office.connectFromSignIn(server);
    await office.register(owner);
    await officeKitchen.addItem(TOMATOES);
    await expect(officeKitchen.cell('Tomatoes', 'Unit cost')).toHaveText('€2.50');
    await expect(officeKitchen.cell('Tomatoes', 'Stock value')).toHaveText('€25.00');
    await officeKitchen.expectTotal('€25.00', '1 item');
    await office.expectInStep();
    await office.shot('office-euros');

    await laptop.open();
    await laptop.connectFromSignIn(server, relay.port);
    await laptop.signIn(owner.username, owner.password);
    await expect(laptopKitchen.cell('Tomatoes', 'Stock value')).toHaveText('€25.00');
    await laptop.shot('laptop-euros');

    // The owner changes it on the laptop; the office shows it after its next sync.
    await laptop.go('Settings');
    const currency = laptop.page.getByRole('region', { name: 'Restaurant currency' });
    await chooseCurrency(currency, 'GBP');
    await laptop.shot('settings-currency');
    await currency.getByRole('button', { name: 'Save currency' }).click();
    await laptop.go('Kitchen');
    await expect(laptopKitchen.cell('Tomatoes', 'Unit cost')).toHaveText('£2.50');
    await laptop.expectInStep();
    await office.syncNow();
    await expect(officeKitchen.cell('Tomatoes', 'Stock value')).toHaveText('£25.00');
    await office.shot('office-pounds');
  });
});

test.describe(() => {
  test.use({ shotFolder: 'central-sync-refused' });

  test('a change the server refuses is listed on the computer that made it, and undone there', async ({
    site: { server, relay, office, laptop },
  }) => {
    const owner = someone('owner');
    const manager = someone('manager', 'Manager');
    const [officeKitchen, laptopKitchen] = [office.stock('kitchen'), laptop.stock('kitchen')];

    await office.open();
    await office.connectFromSignIn(server);
    await office.register(owner);
    await officeKitchen.addItem(TOMATOES);
    await office.go('Team');
    await office.team.addMember(manager);
    await office.go('Kitchen');
    await office.expectInStep();

    await laptop.open();
    await laptop.connectFromSignIn(server, relay.port);
    await laptop.signIn(manager.username, manager.password);
    await expect(laptopKitchen.cell('Tomatoes', 'Unit cost')).toHaveText('$2.50');

    // Offline, the manager changes the price; meanwhile the owner makes them staff.
    relay.setOnline(false);
    await laptopKitchen.editItem('Tomatoes', { unitCost: '3.10' });
    await expect(laptopKitchen.cell('Tomatoes', 'Unit cost')).toHaveText('$3.10');
    await expect(laptop.waiting).toHaveText('1 change to send');
    await office.go('Team');
    await office.team.setRole(manager, 'Staff');

    // Back online, the server refuses the price change: listed with its reason, undone on the laptop.
    relay.setOnline(true);
    await laptop.syncNow();
    const refused = laptop.statusBar.getByRole('button', { name: '1 change refused' });
    await expect(refused).toBeVisible();
    await expect(laptopKitchen.cell('Tomatoes', 'Unit cost')).toHaveText('$2.50');
    await laptop.shot('laptop-refused');
    await refused.click();
    const drawer = laptop.page.getByRole('dialog', { name: 'Changes the server refused' });
    const listed = drawer.getByRole('listitem');
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText('Changes to Tomatoes');
    await expect(listed).toContainText('Only an owner or a manager can change the item list.');
    await laptop.shot('refused-drawer');
    await drawer.getByRole('button', { name: 'Dismiss all' }).click();
    await expect(drawer).toBeHidden();
    await expect(refused).toBeHidden();
    // The laptop learnt the new role too: no Team screen, and the central server only to look at.
    await expect(laptop.navigation.getByRole('button', { name: 'Team' })).toHaveCount(0);
    await laptop.go('Settings');
    const panel = laptop.page.getByRole('region', { name: 'Central server' });
    await expect(panel).toContainText(`${server.database} on ${server.host}`);
    await expect(panel).toContainText('Only an owner or a manager can change the central server.');
    await expect(panel.getByRole('button', { name: 'Test connection' })).toHaveCount(0);
    await panel.scrollIntoViewIfNeeded();
    await laptop.shot('staff-settings');
  });
});

test('Team → Computers: each computer of the restaurant, when it last synced; a lost laptop is revoked', async ({
  site: { server, relay, office, laptop },
}) => {
  const owner = someone('owner');
  await office.open();
  await office.connectFromSignIn(server);
  await office.register(owner);
  await office.expectInStep();

  // The owner signs in on the laptop: that enrols it, and it syncs as its own login.
  await laptop.open();
  await laptop.connectFromSignIn(server, relay.port);
  await laptop.signIn(owner.username, owner.password);
  await laptop.expectInStep();

  await office.go('Team');
  const computers = office.page.getByRole('table', { name: 'Computers' });
  const rows = computers.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(computers.getByText('This computer')).toHaveCount(1);
  await expect(computers.getByText('Active', { exact: true })).toHaveCount(2);
  await expect(computers.getByText(`by ${owner.fullName}`)).toHaveCount(2);
  await office.shot('team-computers');

  // Only the other computer can be revoked from here; the owner confirms.
  const revoke = computers.getByRole('button', { name: /^Revoke / });
  await expect(revoke).toHaveCount(1);
  await revoke.click();
  const dialog = office.page.getByRole('dialog');
  await expect(dialog).toContainText('can no longer reach the central server');
  await office.shot('revoke-confirm');
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(computers.getByText('Revoked', { exact: true })).toHaveCount(1);
  await office.shot('team-computer-revoked');

  // The laptop can no longer sync, and says why.
  await laptop.syncNow();
  await expect(laptop.syncState).toHaveText('Sync stopped');
  await expect(laptop.statusBar).toContainText(/no longer accepts this computer/);
  await laptop.shot('laptop-revoked');
});

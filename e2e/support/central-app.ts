/**
 * One computer running KitchenGuard, driven as a person does for the central-server specs: connect
 * it to a server from the sign-in screen, register or sign in, add and adjust items, read the
 * status bar. Found by what things are called on screen, never by CSS classes.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { CentralServerInfo } from './central-server';
import { expect, screenshotPath } from './preview';

export interface Person {
  restaurant?: string;
  fullName: string;
  username: string;
  email: string;
  password: string;
}

export interface NewItem {
  name: string;
  unit: string;
  unitCost: string;
  openingStock: string;
}

export type Reason = 'Delivery' | 'Usage' | 'Waste' | 'Correction' | 'Count';

/** A form field by its label; Mantine adds " *" to the label of a required field. */
const field = (scope: Page | Locator, label: string): Locator =>
  scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));

/** One numbered series of screenshots, e2e/screenshots/<folder>/NN-<name>.png, shared by a test's computers. */
export interface Screenshots {
  folder: string;
  count: number;
}

/** A fresh series: the folder's screenshots of an earlier run are removed. */
export function screenshots(folder: string): Screenshots {
  rmSync(dirname(screenshotPath(`${folder}/x`)), { recursive: true, force: true });
  return { folder, count: 0 };
}

export class Computer {
  constructor(
    readonly page: Page,
    /** Its preview's address. */
    private readonly url: string,
    private readonly shots: Screenshots,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.page.getByLabel('Opening KitchenGuard')).toHaveCount(0);
  }

  async shot(name: string): Promise<void> {
    this.shots.count += 1;
    const file = `${this.shots.folder}/${String(this.shots.count).padStart(2, '0')}-${name}`;
    await this.page.screenshot({ path: screenshotPath(file), animations: 'disabled' });
  }

  get statusBar(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status' });
  }

  /** The sync badge: Online, Offline, Syncing…, Central server: not set up, Sync stopped, Sign in to sync. */
  get syncState(): Locator {
    return this.statusBar.getByRole('status');
  }

  /** "N changes to send" in the status bar (absent when nothing waits). */
  get waiting(): Locator {
    return this.statusBar.getByText(/^\d+ changes? to send$/);
  }

  /** Online with nothing left to push: what this computer has, the server has. */
  async expectInStep(): Promise<void> {
    await expect(this.syncState).toHaveText('Online');
    await expect(this.waiting).toHaveCount(0);
  }

  async syncNow(): Promise<void> {
    await this.statusBar.getByRole('button', { name: 'Sync now' }).click();
  }

  // Before sign-in

  get connectionForm(): Locator {
    return this.page.getByRole('form', { name: 'Central server connection' });
  }

  /** Sign-in screen → "Central server…" → the connection form, filled in. */
  async fillConnection(server: CentralServerInfo, port = server.port): Promise<void> {
    await this.page.getByRole('button', { name: 'Central server…' }).click();
    const form = this.connectionForm;
    await field(form, 'Host').fill(server.host);
    await field(form, 'Port').fill(String(port));
    await field(form, 'Database').fill(server.database);
    await field(form, 'User').fill(server.user);
    await field(form, 'CA bundle file').fill(server.caFile);
    await field(form, 'Password').fill(server.password);
  }

  /** "Test connection": resolves to what it found (the report) or the error, whichever shows. */
  async testConnection(): Promise<Locator> {
    await this.connectionForm.getByRole('button', { name: 'Test connection' }).click();
    return this.connectionForm.getByRole('alert').or(this.connectionForm.getByRole('status'));
  }

  /** Connects and is back on the sign-in screen, which says so and names the server. */
  async connect(server: CentralServerInfo): Promise<void> {
    await this.connectionForm.getByRole('button', { name: 'Connect this computer' }).click();
    const name = `${server.database} on ${server.host}`;
    await expect(this.page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(this.page.getByRole('alert', { name: `Connected to ${name}` })).toBeVisible();
    await expect(this.page.getByRole('button', { name: `Central server: ${name}` })).toBeVisible();
  }

  /** From the sign-in screen, straight to a connected computer (the port: a relay's, say). */
  async connectFromSignIn(server: CentralServerInfo, port = server.port): Promise<void> {
    await this.fillConnection(server, port);
    await this.connect(server);
  }

  async register(owner: Person): Promise<void> {
    await this.page.getByRole('button', { name: 'Register your restaurant' }).click();
    await field(this.page, 'Restaurant name').fill(owner.restaurant ?? 'Test kitchen');
    await this.page.getByRole('combobox', { name: 'Type' }).click();
    await this.page.getByRole('option', { name: 'Restaurant', exact: true }).click();
    await field(this.page, 'Full name').fill(owner.fullName);
    await field(this.page, 'Username').fill(owner.username);
    await field(this.page, 'Email').fill(owner.email);
    await field(this.page, 'Password').fill(owner.password);
    await this.page.getByRole('button', { name: 'Create restaurant' }).click();
    await this.expectHeading('Kitchen stock');
  }

  /** Fills in the sign-in form and sends it, whatever comes of it. */
  async trySignIn(person: Person): Promise<void> {
    await field(this.page, 'Username or email').fill(person.username);
    await field(this.page, 'Password').fill(person.password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async signIn(person: Person): Promise<void> {
    await this.trySignIn(person);
    await this.expectHeading('Kitchen stock');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  }

  // Signed in

  async expectHeading(title: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
  }

  async go(screen: 'Kitchen' | 'Team' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
    await this.expectHeading({ Kitchen: 'Kitchen stock', Team: 'Team', Settings: 'Profile & settings' }[screen]);
  }

  /** A kitchen item's row: the one whose Adjust button carries its name. */
  row(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Kitchen stock' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name: `Adjust stock of ${name}`, exact: true }) });
  }

  /** The "On hand" cell (the table's fourth column) of a kitchen item. */
  onHand(name: string): Locator {
    return this.row(name).getByRole('cell').nth(3);
  }

  /** The "Unit cost" cell (the sixth column) of a kitchen item. */
  unitCost(name: string): Locator {
    return this.row(name).getByRole('cell').nth(5);
  }

  async addItem(item: NewItem): Promise<void> {
    await this.page.getByRole('button', { name: 'Add item' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a kitchen item' });
    await field(dialog, 'Name').fill(item.name);
    await field(dialog, 'Unit').fill(item.unit);
    await field(dialog, 'Unit cost').fill(item.unitCost);
    await field(dialog, 'Opening stock').fill(item.openingStock);
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(item.name)).toBeVisible();
  }

  async adjust(name: string, reason: Reason, amount: string): Promise<void> {
    await this.page.getByRole('button', { name: `Adjust stock of ${name}`, exact: true }).click();
    const popover = this.page.getByRole('dialog', { name: `Adjust stock of ${name}` });
    await popover.getByText(reason, { exact: true }).click();
    await popover.getByRole('textbox').first().fill(amount);
    await popover.getByRole('button', { name: 'Save' }).click();
    await expect(popover).toBeHidden();
  }

  async setUnitCost(name: string, unitCost: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `More actions for ${name}` })
      .click();
    await this.page.getByRole('menuitem', { name: 'Edit', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Edit ${name}` });
    await field(dialog, 'Unit cost').fill(unitCost);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
  }

  async addTeamMember(person: Person, role: 'Manager' | 'Staff'): Promise<void> {
    await this.go('Team');
    await this.page.getByRole('button', { name: 'Add team member' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a team member' });
    await field(dialog, 'Full name').fill(person.fullName);
    await field(dialog, 'Username').fill(person.username);
    await field(dialog, 'Email').fill(person.email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await this.page.getByRole('option', { name: role, exact: true }).click();
    await field(dialog, 'First password').fill(person.password);
    await dialog.getByRole('button', { name: 'Add to team' }).click();
    await expect(dialog).toBeHidden();
  }

  async setRole(person: Person, role: 'Manager' | 'Staff'): Promise<void> {
    await this.go('Team');
    const select = this.page.getByRole('combobox', { name: `Role of ${person.fullName}` });
    await select.click();
    await this.page.getByRole('option', { name: role, exact: true }).click();
    await expect(select).toHaveValue(role);
  }
}

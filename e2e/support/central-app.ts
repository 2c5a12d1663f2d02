/**
 * One computer running KitchenGuard for the central-server specs: the page object every spec uses
 * (support/app.ts), on its own preview, plus what only a connected computer has — the connection
 * form on the sign-in screen and the status bar's sync state.
 */
import type { Locator, Page } from '@playwright/test';
import { KitchenGuard } from './app';
import type { CentralServerInfo } from './central-server';
import { field } from './forms';
import { expect } from './preview';

export class Computer extends KitchenGuard {
  constructor(
    page: Page,
    /** Its preview's address. */
    private readonly url: string,
    /** Shared by the computers of one test: their screenshots number on in one folder. */
    shotFolder: string,
  ) {
    super(page, shotFolder);
  }

  override async open(url: string = this.url): Promise<void> {
    await super.open(url);
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
    // The core's own word first: the status bar is read again only after a write has settled.
    await expect.poll(async () => (await this.invoke('sync.status', {})).waiting).toBe(0);
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
    await expect(this.signInForm).toBeVisible();
    await expect(this.page.getByRole('alert', { name: `Connected to ${name}` })).toBeVisible();
    await expect(this.page.getByRole('button', { name: `Central server: ${name}` })).toBeVisible();
  }

  /** From the sign-in screen, straight to a connected computer (the port: a relay's, say). */
  async connectFromSignIn(server: CentralServerInfo, port = server.port): Promise<void> {
    await this.fillConnection(server, port);
    await this.connect(server);
  }
}

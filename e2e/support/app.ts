/**
 * KitchenGuard as a person uses it: by the names on screen (roles, labels, headings), never by CSS
 * classes. Specs import `test` from here: it adds `app` (this page object over a fresh preview) and
 * pins the locale, so money and quantities read the same on every machine ("1,234.50", "9.5 kg").
 *
 *   test('…', async ({ app, preview }) => { await app.open(preview.url); await app.registerQuickly(OWNER); … });
 */
import { rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { KitchenGuardBridge } from '../../shared/bridge';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { Area } from '../../shared/domain';
import type { Account } from './data';
import { choose, field } from './forms';
import { expect, test as previewTest, screenshotPath } from './preview';
import { createItems, StockScreen } from './stock';
import { TeamScreen } from './team';

/** `npm test` runs e2e in a keyring session: there a restarted core must resume the session. */
export const KEYCHAIN_EXPECTED = process.env.KITCHENGUARD_KEYCHAIN === 'secret-service';

export type Screen = 'Kitchen' | 'Bar' | 'Counts' | 'Team' | 'Settings';
const HEADINGS: Record<Screen, string> = {
  Kitchen: 'Kitchen stock',
  Bar: 'Bar stock',
  Counts: 'Counts',
  Team: 'Team',
  Settings: 'Profile & settings',
};

/**
 * Numbered screenshots, e2e/screenshots/<folder>/NN-name.png: one count per folder for the run (the
 * tests of a spec, or two computers of one test, number on), the folder's old shots removed first.
 */
const shotCounts = new Map<string, number>();
function nextShotPath(folder: string, name: string): string {
  const count = (shotCounts.get(folder) ?? 0) + 1;
  shotCounts.set(folder, count);
  const path = screenshotPath(`${folder}/${String(count).padStart(2, '0')}-${name}`);
  if (count === 1) rmSync(dirname(path), { recursive: true, force: true });
  return path;
}

/** A spec's screenshot folder: its file name without `.spec.ts`. */
export const shotFolderOf = (specFile: string): string => basename(specFile).replace(/\.spec\.ts$/, '');

/** A page's running animations, as much of the DOM as the check below needs (e2e has no DOM types). */
interface AnimatedDocument {
  getAnimations(): { playState: string; constructor: { name: string } }[];
}

/** No dialog, drawer or popover still sliding or fading in (Mantine animates with CSS transitions). */
const transitionsDone = (): boolean =>
  (globalThis as unknown as { document: AnimatedDocument }).document
    .getAnimations()
    .every((animation) => animation.playState !== 'running' || animation.constructor.name !== 'CSSTransition');

export class KitchenGuard {
  constructor(
    readonly page: Page,
    /** Where its screenshots go, under e2e/screenshots/. */
    private readonly shotFolder: string,
  ) {}

  /** Opens the preview's address and waits until the app has decided who is signed in. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByLabel('Opening KitchenGuard')).toHaveCount(0);
  }

  async shot(name: string): Promise<void> {
    await this.page.waitForFunction(transitionsDone, undefined, { polling: 'raf' });
    await this.page.screenshot({ path: nextShotPath(this.shotFolder, name) });
  }

  /** Calls the core over the same bridge the renderer uses (for seeding, never for what is under test). */
  async invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await this.page.evaluate(
      ([name, body]) => (globalThis as unknown as { kitchenGuard: KitchenGuardBridge }).kitchenGuard.invoke(name, body),
      [channel, input] as const,
    );
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as ChannelOutput<C>;
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  async expectScreen(screen: Screen): Promise<void> {
    await expect(this.heading(HEADINGS[screen])).toBeVisible();
  }

  /** The main navigation (the left bar): the screens, and who is signed in with the Sign out button. */
  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async go(screen: Screen): Promise<void> {
    await this.navigation.getByRole('button', { name: screen, exact: true }).click();
    await this.expectScreen(screen);
  }

  /** Creates items through the bridge, then reloads so the screens show them. */
  async seed(items: ChannelInput<'inventory.create'>[]): Promise<void> {
    expect(await createItems(this.page, items)).toEqual([]);
    await this.page.reload();
    await expect(this.page.getByLabel('Opening KitchenGuard')).toHaveCount(0);
  }

  stock(area: Area): StockScreen {
    return new StockScreen(this.page, area);
  }

  get team(): TeamScreen {
    return new TeamScreen(this.page);
  }

  /** The status bar along the bottom (signed in or not): a footer labelled "Status". */
  get statusBar(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status' });
  }

  // Signing in and out

  get signInForm(): Locator {
    return this.page.getByRole('form', { name: 'Sign in' });
  }

  get registerForm(): Locator {
    return this.page.getByRole('form', { name: 'Register your restaurant' });
  }

  get resetForm(): Locator {
    return this.page.getByRole('form', { name: 'Use a reset code' });
  }

  async showRegistration(): Promise<void> {
    await this.signInForm.getByRole('button', { name: 'Register your restaurant' }).click();
    await expect(this.registerForm).toBeVisible();
  }

  async fillRegistration(account: Account): Promise<void> {
    const form = this.registerForm;
    await field(form, 'Restaurant name').fill(account.restaurantName);
    await choose(form.getByRole('combobox', { name: 'Type' }), account.restaurantType);
    await field(form, 'Full name').fill(account.fullName);
    await field(form, 'Position').fill(account.position);
    await field(form, 'Username').fill(account.username);
    await field(form, 'Email').fill(account.email);
    await field(form, 'Password').fill(account.password);
    if (account.currency) await chooseCurrency(form, account.currency);
  }

  async submitRegistration(): Promise<void> {
    await this.registerForm.getByRole('button', { name: 'Create restaurant' }).click();
    await this.expectSignedIn();
  }

  /**
   * On Kitchen after registering or signing in. Through a central server that is two or three
   * bcrypt rounds of cost 12 (enrol, sign in or register, the hash cached here): seconds each on
   * a loaded machine.
   */
  async expectSignedIn(): Promise<void> {
    await expect(this.heading(HEADINGS.Kitchen)).toBeVisible({ timeout: 30_000 });
  }

  /** Sign-in screen → Register your restaurant → fill → Create restaurant: signed in, on Kitchen. */
  async register(account: Account): Promise<void> {
    await this.showRegistration();
    await this.fillRegistration(account);
    await this.submitRegistration();
  }

  /** A restaurant and its owner in one call, then the app reloaded signed in (set-up for other specs). */
  async registerQuickly(account: Account, type: ChannelInput<'auth.register'>['restaurantType'] = 'restaurant') {
    const { restaurantType: _shown, ...fields } = account;
    await this.invoke('auth.register', { ...fields, restaurantType: type });
    await this.page.reload();
    await this.expectScreen('Kitchen');
  }

  async fillSignIn(login: string, password: string): Promise<void> {
    await field(this.signInForm, 'Username or email').fill(login);
    await field(this.signInForm, 'Password').fill(password);
  }

  async submitSignIn(): Promise<void> {
    await this.signInForm.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async signIn(login: string, password: string): Promise<void> {
    await this.fillSignIn(login, password);
    await this.submitSignIn();
    await this.expectSignedIn();
  }

  /** From any screen: the button beside who is signed in, at the foot of the navigation. */
  async signOut(): Promise<void> {
    await this.navigation.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.signInForm).toBeVisible();
  }
}

export const test = previewTest.extend<{ app: KitchenGuard }>({
  locale: 'en-US',
  timezoneId: 'UTC',
  app: async ({ page }, use, testInfo) => {
    await use(new KitchenGuard(page, shotFolderOf(testInfo.file)));
  },
});

export { expect };

/** Types the code into a form's searchable Currency list and picks it ("EUR – Euro"). */
export async function chooseCurrency(form: Locator, code: string): Promise<void> {
  const select = form.getByRole('combobox', { name: 'Currency' });
  await select.click();
  await select.fill(code);
  await form
    .page()
    .getByRole('option', { name: new RegExp(`^${code} – `) })
    .click();
  await expect(select).toHaveValue(new RegExp(`^${code} – `));
}

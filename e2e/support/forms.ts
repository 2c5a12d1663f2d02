/** Form fields as a person finds them (by label), and what a form error must look like. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './preview';

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A form field by its visible label. Mantine puts " *" after the label of a required field, so an
 * exact name would miss it; a RegExp is used as given (labels that carry a unit, say).
 */
export const field = (scope: Page | Locator, label: string | RegExp): Locator =>
  scope.getByLabel(typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}( \\*)?$`) : label);

/** The error is AT the field: the input is announced invalid and the message is its description. */
export async function expectFieldError(input: Locator, message: string): Promise<void> {
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
}

export async function expectFieldValid(input: Locator): Promise<void> {
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  await expect(input).not.toHaveAttribute('data-invalid', 'true');
}

/** Picks an option of a Mantine Select with the mouse. */
export async function choose(select: Locator, option: string): Promise<void> {
  await select.click();
  await select.page().getByRole('option', { name: option, exact: true }).click();
  await expect(select).toHaveValue(option);
}

/** Keyboard only: Tab (or Shift+Tab) until `target` has the focus; fails after `limit` presses. */
export async function tabTo(target: Locator, { backwards = false, limit = 40 } = {}): Promise<void> {
  const page = target.page();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached with ${limit} presses of Tab`).toBeFocused();
}

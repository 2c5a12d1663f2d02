/** Counts in the browser: storage areas with items on their shelves for a count, and its sheet. */
import type { Locator, Page } from '@playwright/test';
import type { KitchenGuardBridge } from '../../shared/bridge';
import type { ChannelInput } from '../../shared/contract';
import type { KitchenGuard } from './app';
import { expect } from './preview';

export interface Shelf {
  name: string;
  area: 'kitchen' | 'bar';
  items: ChannelInput<'inventory.create'>[];
}

/**
 * Creates each storage area and its items, in shelf order, in one round trip from the page; then
 * gives `countUnits` items their units. Reloads so the screens show them.
 */
export async function seedShelves(
  app: KitchenGuard,
  shelves: Shelf[],
  countUnits: Record<string, ChannelInput<'inventory.setCountUnits'>['units']> = {},
): Promise<void> {
  const failures = await app.page.evaluate(
    async ({ shelves, countUnits }) => {
      const bridge = (globalThis as unknown as { kitchenGuard: KitchenGuardBridge }).kitchenGuard;
      const failures: string[] = [];
      const call = async (channel: string, input: unknown) => {
        const result = await bridge.invoke(channel, input);
        if (!result.ok) failures.push(`${channel} ${JSON.stringify(input)}: ${result.error.message}`);
        return result.ok ? (result.value as { id: string }) : null;
      };
      for (const shelf of shelves) {
        const area = await call('storage.createArea', { area: shelf.area, name: shelf.name });
        const made = await Promise.all(shelf.items.map((item) => call('inventory.create', item)));
        for (const [index, item] of made.entries()) {
          if (!area || !item) continue;
          await call('storage.placeItem', { storageAreaId: area.id, itemId: item.id });
          const units = countUnits[shelf.items[index]?.name ?? ''];
          if (units) await call('inventory.setCountUnits', { itemId: item.id, units });
        }
      }
      return failures;
    },
    { shelves, countUnits },
  );
  expect(failures).toEqual([]);
  await app.page.reload();
  await expect(app.page.getByLabel('Opening KitchenGuard')).toHaveCount(0);
}

/** The count sheet of one storage area, full window. */
export class CountSheetPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Count sheet/ });
  }

  table(area: string): Locator {
    return this.dialog.getByRole('table', { name: `Count sheet of ${area}` });
  }

  cell(item: string, unit: string): Locator {
    return this.dialog.getByRole('textbox', { name: `${item}: ${unit}`, exact: true });
  }

  line(item: string): Locator {
    return this.dialog.getByRole('row').filter({ has: this.page.getByText(item, { exact: true }) });
  }

  /** Types into the focused cell and presses Enter: saved, and the cursor on the next line. */
  async enter(text: string, next: Locator): Promise<void> {
    if (text) await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await expect(next).toBeFocused();
  }
}

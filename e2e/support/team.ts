/** The Team screen (owners and managers): the members' table, Add team member, each member's role. */
import type { Locator, Page } from '@playwright/test';
import type { Member } from './data';
import { choose, field } from './forms';
import { expect } from './preview';

export class TeamScreen {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Team members' });
  }

  /** A member's row, found by the username it shows ("@sam"). */
  row(member: Pick<Member, 'username'>): Locator {
    return this.table.getByRole('row').filter({ hasText: `@${member.username}` });
  }

  get addDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add a team member' });
  }

  /** Add team member; resolves to the dialog. */
  async openAddDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add team member' }).click();
    await expect(this.addDialog).toBeVisible();
    return this.addDialog;
  }

  async fillMember(member: Member): Promise<void> {
    const dialog = this.addDialog;
    await field(dialog, 'Full name').fill(member.fullName);
    await field(dialog, 'Position').fill(member.position);
    await field(dialog, 'Username').fill(member.username);
    await field(dialog, 'Email').fill(member.email);
    await choose(dialog.getByRole('combobox', { name: 'Role' }), member.role);
    await field(dialog, 'First password').fill(member.password);
  }

  /** Add team member → fill → Add to team; the member's row appears. */
  async addMember(member: Member, beforeSave?: () => Promise<void>): Promise<void> {
    const dialog = await this.openAddDialog();
    await this.fillMember(member);
    await beforeSave?.();
    await dialog.getByRole('button', { name: 'Add to team' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(member)).toBeVisible();
  }

  /** The role select of a member the signed-in user may change. */
  role(member: Pick<Member, 'fullName'>): Locator {
    return this.page.getByRole('combobox', { name: `Role of ${member.fullName}` });
  }

  async setRole(member: Pick<Member, 'fullName'>, role: Member['role']): Promise<void> {
    await choose(this.role(member), role);
  }
}

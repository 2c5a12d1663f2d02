/**
 * The team screen as an owner uses it, and what a staff member can then do: add a member, change a
 * role, issue a reset code (shown once), use it on the sign-in screen, sign in with the new password;
 * staff see no item editing. Screenshots in e2e/screenshots/team/.
 */
import { expect, type KitchenGuard, test } from './support/app';
import { FLOUR, GIN, OWNER, SOUS_CHEF, STAFF } from './support/data';
import { expectFieldError, field } from './support/forms';

const NEW_PASSWORD = 'a-new-password-9';

/** Sign-in screen → "Forgot password? Use a reset code" → username, code, new password. */
async function resetPassword(app: KitchenGuard, username: string, code: string, password: string) {
  await app.signInForm.getByRole('button', { name: 'Forgot password? Use a reset code' }).click();
  await field(app.resetForm, 'Username').fill(username);
  await field(app.resetForm, 'Reset code').fill(code);
  await field(app.resetForm, 'New password').fill(password);
  await app.resetForm.getByRole('button', { name: 'Set new password' }).click();
}

test('an owner adds staff, changes a role, issues a reset code that a staff member uses once', async ({
  app,
  preview,
}) => {
  await app.open(preview.url);
  await app.registerQuickly(OWNER);
  await app.seed([FLOUR, GIN]);
  await app.go('Team');

  const team = app.team;

  await test.step('add two team members; a taken username is marked at its field', async () => {
    await team.addMember(STAFF, () => app.shot('add-member-dialog'));
    const dialog = await team.openAddDialog();
    await team.fillMember({ ...SOUS_CHEF, username: STAFF.username });
    await dialog.getByRole('button', { name: 'Add to team' }).click();
    await expectFieldError(field(dialog, 'Username'), 'That username is taken.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await team.addMember(SOUS_CHEF);
    await expect(team.row(STAFF)).toContainText('Active');
    await expect(team.row(STAFF)).toContainText('Never');
  });

  await test.step('make a staff member a manager', async () => {
    const role = team.role(SOUS_CHEF);
    await expect(role).toHaveValue('Staff');
    await team.setRole(SOUS_CHEF, 'Manager');
    // The core saved it: the list comes back from it with the new role.
    await app.go('Kitchen');
    await app.go('Team');
    await expect(role).toHaveValue('Manager');
    await app.shot('team-with-members');
  });

  const code = await test.step('issue a reset code, shown once', async () => {
    await team
      .row(STAFF)
      .getByRole('button', { name: `Reset code for ${STAFF.fullName}` })
      .click();
    const dialog = app.page.getByRole('dialog', { name: `Reset code for ${STAFF.fullName}` });
    const codeField = dialog.getByRole('textbox', { name: 'Reset code' });
    // Read-only, focused and selected: ready to copy or to read out.
    await expect(codeField).toBeFocused();
    await expect(codeField).toHaveAttribute('readonly', '');
    const shown = await codeField.inputValue();
    expect(shown).toMatch(/^\S{6,}$/);
    await expect(dialog).toContainText(`the username ${STAFF.username}`);
    await app.shot('reset-code');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.page.getByRole('textbox', { name: 'Reset code' })).toHaveCount(0);
    return shown;
  });

  await test.step('the staff member sets a new password with the code and signs in', async () => {
    await app.signOut();
    await resetPassword(app, STAFF.username, code, NEW_PASSWORD);
    // Back at sign-in with the username filled in and the password to type.
    await expect(field(app.signInForm, 'Username or email')).toHaveValue(STAFF.username);
    await expect(field(app.signInForm, 'Password')).toBeFocused();
    await app.shot('after-reset');
    await app.signIn(STAFF.username, NEW_PASSWORD);
  });

  await test.step('staff adjust stock but see no item editing, and no Team screen', async () => {
    const kitchen = app.stock('kitchen');
    await expect(kitchen.adjustButton(FLOUR.name)).toBeVisible();
    await expect(kitchen.row(FLOUR.name).getByRole('button', { name: `History of ${FLOUR.name}` })).toBeVisible();
    // Edit and Delete live under "More actions", which staff do not get.
    await expect(kitchen.moreButton(FLOUR.name)).toHaveCount(0);
    await expect(kitchen.addButton).toHaveCount(0);
    await expect(app.navigation.getByRole('button', { name: /^(Kitchen|Bar|Team|Settings)$/ })).toHaveText([
      'Kitchen',
      'Bar',
      'Settings',
    ]);
    await kitchen.adjust(FLOUR.name, 'Waste', '1', 'Damp bag');
    await kitchen.expectRow(FLOUR.name, { 'On hand': '4 bags', 'Stock value': '98.00' });
    await app.shot('staff-kitchen');
    await app.go('Bar');
    await expect(app.stock('bar').moreButton(GIN.name)).toHaveCount(0);
    await expect(app.stock('bar').adjustButton(GIN.name)).toBeVisible();
  });

  await test.step('the code works only once', async () => {
    await app.signOut();
    await resetPassword(app, STAFF.username, code, 'yet-another-password');
    await expectFieldError(
      field(app.resetForm, 'Reset code'),
      'That code is not valid: it may be mistyped, used already, or expired.',
    );
    await expect(field(app.resetForm, 'New password')).toHaveValue('yet-another-password');
    await app.shot('reset-code-used-twice');
    await app.resetForm.getByRole('button', { name: 'Back to sign in' }).click();
    await app.signIn(STAFF.username, NEW_PASSWORD);
  });
});

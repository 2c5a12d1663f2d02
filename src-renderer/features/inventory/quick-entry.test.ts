import { describe, expect, it } from 'vitest';
import { checkRow, errorsFromCore, gridRow, isBlank } from './quick-entry';

const typed = { name: 'Cream, double', category: 'Dairy', supplier: 'Churn & Co', unit: 'L', unitCost: '3,40' };

describe('a quick-entry row', () => {
  it('that is right becomes the core input, read as the item dialog reads it', () => {
    expect(checkRow('kitchen', gridRow(typed))).toEqual({
      input: { area: 'kitchen', ...typed, unitCost: '3.40', par: null, openingStock: '0' },
    });
  });

  it('that is wrong has each error at its cell, naming the column', () => {
    const checked = checkRow('kitchen', gridRow({ ...typed, name: '', unitCost: '-2', par: 'lots' }));
    expect(checked).toEqual({
      errors: {
        name: 'Name is required',
        unitCost: 'Unit cost: cannot be negative',
        par: 'Par level: must be a number like 2.5',
      },
    });
  });

  it('is blank until something is typed (spaces are nothing)', () => {
    expect(isBlank(gridRow())).toBe(true);
    expect(isBlank(gridRow({ name: '  ' }))).toBe(true);
    expect(isBlank(gridRow({ unit: 'kg' }))).toBe(false);
  });

  it("takes the core's refusal at the cell it names, or for the row", () => {
    expect(
      errorsFromCore({ kind: 'conflict', message: 'There is already an item called "X".', field: 'name' }),
    ).toEqual({ name: 'Name: there is already an item called "X".' });
    expect(errorsFromCore({ kind: 'disk_full', message: 'The disk is full.' })).toEqual({ row: 'The disk is full.' });
  });
});

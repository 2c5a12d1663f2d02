import { describe, expect, it } from 'vitest';
import type { CountSummary } from '../../../shared/contract/counts';
import { countAsOf, countCovers, flagWords } from './count-words';

const count = (fields: Partial<CountSummary>): CountSummary => ({
  id: '019b0000-0000-7000-8000-000000000001',
  areas: ['kitchen', 'bar'],
  scope: 'full',
  storageAreaIds: [],
  storageAreaNames: [],
  categories: [],
  asOf: null,
  blind: false,
  status: 'open',
  startedBy: { id: '019b0000-0000-7000-8000-000000000002', name: 'Mia Manager' },
  startedAt: '2026-12-02T07:00:00.000Z',
  submittedAt: null,
  closedBy: null,
  closedAt: null,
  progress: { counted: 0, total: 3 },
  ...fields,
});

describe('a count in words', () => {
  it('says what it covers: both sides in full, or the chosen storage areas and categories', () => {
    expect(countCovers(count({}))).toBe('Kitchen and bar, full count');
    expect(
      countCovers(
        count({ areas: ['bar'], scope: 'partial', storageAreaNames: ['Back bar', 'Cellar'], categories: ['Spirits'] }),
      ),
    ).toBe('Bar: Back bar, Cellar; Spirits');
    expect(countCovers(count({ areas: ['kitchen'], scope: 'partial', categories: ['Dairy'] }))).toBe('Kitchen: Dairy');
  });

  it('says each line is as of when it was counted when no time is given', () => {
    expect(countAsOf(count({}))).toBe('Each line when counted');
    expect(countAsOf(count({ asOf: '2026-12-01T23:00:00.000Z' }))).not.toBe('Each line when counted');
  });

  it('says why a line is flagged, against what, each kind once', () => {
    expect(flagWords([{ kind: 'under-half', against: 'expected' }])).toEqual(['under half the expected']);
    expect(flagWords([{ kind: 'over-twice', against: 'last count' }])).toEqual(['over twice the last count']);
    expect(
      flagWords([
        { kind: 'ten-times', against: 'expected' },
        { kind: 'ten-times', against: 'last count' },
      ]),
    ).toEqual(['10× off the expected and the last count: a typo?']);
    expect(
      flagWords([
        { kind: 'over-twice', against: 'expected' },
        { kind: 'under-half', against: 'last count' },
      ]),
    ).toEqual(['over twice the expected', 'under half the last count']);
  });
});

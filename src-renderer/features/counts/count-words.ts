/** A count in words: its status, what it covers, when it is as of, and why a line is flagged. */
import type { CountStatus, CountSummary, ReviewItem } from '../../../shared/contract/counts';
import { capitalise, formatDateTime } from '../../ui/format';

export const STATUS_WORDS: Record<CountStatus, { label: string; color: string }> = {
  open: { label: 'Counting', color: 'blue' },
  submitted: { label: 'To review', color: 'orange' },
  approved: { label: 'Approved', color: 'teal' },
  abandoned: { label: 'Abandoned', color: 'gray' },
};

/** "Kitchen and bar, full" · "Bar: Back bar, Cellar; Spirits" */
export function countCovers(count: CountSummary): string {
  const sides = capitalise(count.areas.join(' and '));
  if (count.scope === 'full') return `${sides}, full count`;
  const chosen = [count.storageAreaNames.join(', '), count.categories.join(', ')].filter(Boolean).join('; ');
  return `${sides}: ${chosen}`;
}

export const countAsOf = (count: CountSummary): string =>
  count.asOf ? formatDateTime(count.asOf) : 'Each line when counted';

type Flag = ReviewItem['flags'][number];

const AGAINST: Record<Flag['against'], string> = { expected: 'the expected', 'last count': 'the last count' };

/**
 * Why a line is flagged, each kind once: "under half the expected", "over twice the last count",
 * "10× off the expected and the last count: a typo?" (one badge where both agree, not two).
 */
export function flagWords(flags: readonly Flag[]): string[] {
  const kinds = [...new Set(flags.map((flag) => flag.kind))];
  return kinds.map((kind) => {
    const against = flags.filter((flag) => flag.kind === kind).map((flag) => AGAINST[flag.against]);
    const what = against.join(' and ');
    if (kind === 'under-half') return `under half ${what}`;
    if (kind === 'over-twice') return `over twice ${what}`;
    return `10× off ${what}: a typo?`;
  });
}

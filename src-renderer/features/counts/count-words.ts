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

/** "under half the expected", "over twice the last count", "10× off the expected: a typo?" */
export function flagWords(flag: Flag): string {
  const against = flag.against === 'expected' ? 'the expected' : 'the last count';
  if (flag.kind === 'under-half') return `under half ${against}`;
  if (flag.kind === 'over-twice') return `over twice ${against}`;
  return `10× off ${against}: a typo?`;
}

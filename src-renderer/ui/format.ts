/**
 * Display formatting. Money and quantities arrive as exact decimal strings and are formatted as
 * strings (Intl formats a numeric string without turning it into a binary float first).
 */
import { formatMoney } from '../../shared/money';

export { formatMoney };

const quantityFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const countFormat = new Intl.NumberFormat();
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export const formatQuantity = (text: string): string => quantityFormat.format(text as unknown as number);

/**
 * Units that are words take their plural ("3 cases"); symbols (kg, L, ml), "each" and units typed
 * that are not listed here are shown as typed.
 */
const UNIT_PLURALS: Record<string, string> = {
  bottle: 'bottles',
  case: 'cases',
  box: 'boxes',
  bag: 'bags',
  bunch: 'bunches',
  keg: 'kegs',
  can: 'cans',
  jar: 'jars',
  tin: 'tins',
  tray: 'trays',
  pack: 'packs',
  packet: 'packets',
  sack: 'sacks',
  crate: 'crates',
  carton: 'cartons',
  tub: 'tubs',
  punnet: 'punnets',
  loaf: 'loaves',
  head: 'heads',
  piece: 'pieces',
  portion: 'portions',
  roll: 'rolls',
  barrel: 'barrels',
  cask: 'casks',
};
/** Exactly one, whatever the sign or trailing zeros: "1", "-1", "1.000". */
const ONE = /^-?1(\.0*)?$/;

export function unitFor(text: string, unit: string): string {
  const plural = UNIT_PLURALS[unit.toLowerCase()];
  if (!plural || ONE.test(text.trim())) return unit;
  return unit === unit.toLowerCase() ? plural : capitalise(plural);
}

/** "12 kg", "1 bottle", "3 cases". */
export const formatAmount = (text: string, unit: string): string =>
  `${formatQuantity(text)} ${unitFor(text, unit)}`.trim();

export const formatCount = (count: number): string => countFormat.format(count);

export const plural = (count: number, word: string, many = `${word}s`): string =>
  `${formatCount(count)} ${count === 1 ? word : many}`;

export const formatDateTime = (iso: string | null, never = 'Never'): string =>
  iso ? dateTimeFormat.format(new Date(iso)) : never;

export const formatTime = (iso: string): string => timeFormat.format(new Date(iso));

const agoFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const AGO_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', Number.POSITIVE_INFINITY],
];

/** "just now", "2 minutes ago", "3 hours ago", "yesterday": how long before `now` a moment was. */
export function formatAgo(iso: string, now: number): string {
  let amount = Math.max(0, now - new Date(iso).getTime()) / 60_000;
  if (amount < 1) return 'just now';
  for (const [unit, next] of AGO_STEPS) {
    if (amount < next) return agoFormat.format(-Math.floor(amount), unit);
    amount /= next;
  }
  return formatDateTime(iso);
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

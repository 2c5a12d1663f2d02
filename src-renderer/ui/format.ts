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

/** "12 kg", "1 bottle". */
export const formatAmount = (text: string, unit: string): string => `${formatQuantity(text)} ${unit}`.trim();

export const formatCount = (count: number): string => countFormat.format(count);

export const plural = (count: number, word: string, many = `${word}s`): string =>
  `${formatCount(count)} ${count === 1 ? word : many}`;

export const formatDateTime = (iso: string | null, never = 'Never'): string =>
  iso ? dateTimeFormat.format(new Date(iso)) : never;

export const formatTime = (iso: string): string => timeFormat.format(new Date(iso));

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

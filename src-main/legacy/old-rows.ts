/**
 * Rows of the old KitchenGuard as read (every column as text, or null), checked with zod, and made
 * into values this app's rules accept. Every value changed on the way says so in `notes`: the
 * report shows them beside the row. Bad old data is a note, never an exception.
 */
import { z } from 'zod';
import { EMAIL_MAX, PRODUCE_NAMES_MAX, TEXT_FIELDS, type TextField, USERNAME } from '../../shared/contract/fields';
import { MAX_UNIT_COST_CENTS } from '../../shared/money';
import { MAX_QUANTITY_MILLI } from '../../shared/quantity';
import { type OldItemTable, OldItemTables, type RawItem, type RawUser } from './old-tables';

export interface OldUser {
  oldId: string;
  username: string;
  email: string;
  /** A bcrypt hash the server can read ($2a$), or null: the person needs a reset code. */
  passwordHash: string | null;
  fullName: string;
  /** As typed, trimmed; '' when there was none. */
  restaurantName: string;
  restaurantType: string;
  position: string;
  kitchenProduceList: string[];
  barProduceList: string[];
  createdAt: string | null;
  updatedAt: string | null;
  isActive: boolean;
  lastLogin: string | null;
  notes: string[];
}

export interface OldItem {
  table: OldItemTable;
  oldId: string;
  userId: string | null;
  name: string;
  category: string;
  supplier: string;
  unit: string;
  unitCostCents: number;
  stockMilli: number;
  createdAt: string | null;
  updatedAt: string | null;
  notes: string[];
}

const CONTROL = /[\p{Cc}\p{Cs}]/u;
const CONTROLS = /[\p{Cc}\p{Cs}]/gu;

/** Cuts `value` to `max` characters as the server counts them (an emoji is one). */
export function cutTo(value: string, max: number): string {
  const characters = [...value];
  return characters.length <= max ? value : characters.slice(0, max).join('');
}

/** Old text made fit for one of the app's text fields; `fallback` stands in for none. */
export function cleanText(value: string | null, field: TextField, notes: string[], fallback = ''): string {
  const { label, max } = TEXT_FIELDS[field];
  if (value === null) {
    if (fallback !== '') notes.push(`${label} was empty: "${fallback}"`);
    return fallback;
  }
  let text = value.trim();
  if (CONTROL.test(text)) {
    text = text.replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();
    notes.push(`${label} held control characters: removed`);
  }
  // Never more characters than UTF-16 units: most text is counted without spreading it.
  if (text.length > max && [...text].length > max) {
    text = cutTo(text, max).trim();
    notes.push(`${label} was longer than ${max} characters: cut to "${text}"`);
  }
  if (text === '' && fallback !== '') {
    notes.push(`${label} was empty: "${fallback}"`);
    return fallback;
  }
  return text;
}

/** What PostgreSQL writes for a time in UTC, the old services' kind: read without a Date each (the bench reads a million). */
const PLAIN_UTC = /^(\d{4}-\d\d-\d\d) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{1,6}))?(?:\+00)?$/;
/** Each day as a Date writes it (Feb 30 is Mar 2), or null for none: few days, many times. */
const days = new Map<string, string | null>();

function dayOf(day: string): string | null {
  let written = days.get(day);
  if (written === undefined) {
    const time = new Date(`${day}T00:00:00Z`);
    written = Number.isNaN(time.getTime()) ? null : time.toISOString().slice(0, 10);
    days.set(day, written);
  }
  return written;
}

/**
 * The old column read as an instant. Text without a zone is UTC (the old services wrote utcnow());
 * PostgreSQL writes a zone as "+01" or "+05:30", which JavaScript reads only as "+01:00".
 */
export function instant(value: string | null): string | null {
  if (value === null) return null;
  const plain = PLAIN_UTC.exec(value);
  if (plain) {
    const [, day, hours, minutes, seconds, fraction = ''] = plain;
    const written = dayOf(day!);
    // As Date would: milliseconds cut (not rounded) to three digits.
    if (written) return `${written}T${hours}:${minutes}:${seconds}.${fraction.slice(0, 3).padEnd(3, '0')}Z`;
  }
  const iso = value
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d\d)$/, '$1:00');
  const time = new Date(/([+-]\d\d:\d\d|Z)$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

const DECIMAL = /^\s*(-)?(\d+)(?:\.(\d*))?\s*$/;
/** Digits a double holds exactly; a number with more is beyond every limit here (only its sign counts). */
const EXACT_DIGITS = 15;

/**
 * A decimal text at `scale` places as a scaled integer, rounded half away from zero when it has
 * more; null for what is no decimal at all (NaN, Infinity, 1e+20). In plain numbers: the bench
 * reads a million of them.
 */
export function scaled(value: string, scale: number): { value: number; rounded: boolean } | null {
  const match = DECIMAL.exec(value);
  if (!match) return null;
  const [, minus, whole, fraction = ''] = match;
  const digits = (whole + fraction.slice(0, scale).padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  const kept = digits.length <= EXACT_DIGITS ? Number(digits) : Number.POSITIVE_INFINITY;
  const rest = fraction.slice(scale);
  const magnitude = rest !== '' && rest[0]! >= '5' ? kept + 1 : kept;
  return { value: minus && magnitude !== 0 ? -magnitude : magnitude, rounded: /[1-9]/.test(rest) };
}

const BCRYPT = /^\$2[aby]\$(0[4-9]|1[0-2])\$[./A-Za-z0-9]{53}$/;

function readableHash(value: string | null, notes: string[]): string | null {
  if (value !== null && BCRYPT.test(value)) return value.replace(/^\$2[by]\$/, '$2a$');
  notes.push('Password hash is not bcrypt of cost 4 to 12: cannot sign in until given a reset code');
  return null;
}

const produceName = z.string().trim().min(1).max(TEXT_FIELDS.produceName.max);

function produceList(value: string | null, label: string, notes: string[]): string[] {
  if (value === null || value.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    notes.push(`${label} is not valid JSON: imported empty`);
    return [];
  }
  if (!Array.isArray(parsed)) {
    notes.push(`${label} is not a list: imported empty`);
    return [];
  }
  const names = parsed.flatMap((entry) => {
    const name = produceName.safeParse(entry);
    return name.success && !CONTROL.test(name.data) ? [name.data] : [];
  });
  if (names.length < parsed.length)
    notes.push(`${label}: ${parsed.length - names.length} entries that are not names dropped`);
  if (names.length > PRODUCE_NAMES_MAX) notes.push(`${label}: only the first ${PRODUCE_NAMES_MAX} names kept`);
  return names.slice(0, PRODUCE_NAMES_MAX);
}

/** A username the new rules accept: letters, digits, dot, dash, underscore; 3 to 40 of them. */
function cleanUsername(value: string | null, id: string, notes: string[]): string {
  const typed = value?.trim() ?? '';
  if (typed.length >= USERNAME.min && typed.length <= USERNAME.max && USERNAME.pattern.test(typed)) return typed;
  let made = typed
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, USERNAME.max);
  if (made.length < USERNAME.min) made = `user${id}`;
  notes.push(`Username "${value ?? ''}" is not allowed here: "${made}"`);
  return made;
}

function cleanEmail(value: string | null, username: string, notes: string[]): string {
  const typed = value?.trim() ?? '';
  if (/^[^@\s]+@[^@\s]+$/.test(typed) && [...typed].length <= EMAIL_MAX && !CONTROL.test(typed)) return typed;
  const made = `${username}@legacy.invalid`;
  notes.push(`Email "${value ?? ''}" is not an address: "${made}" (signs in with the username)`);
  return made;
}

export function oldUser(raw: RawUser): OldUser {
  const notes: string[] = [];
  const username = cleanUsername(raw.username, raw.id, notes);
  const active = raw.is_active === 'true';
  if (raw.is_active === null) notes.push('Active flag was empty: imported inactive, as the old sign-in refused it');
  return {
    oldId: raw.id,
    username,
    email: cleanEmail(raw.email, username, notes),
    passwordHash: readableHash(raw.password_hash, notes),
    fullName: cleanText(raw.full_name, 'fullName', notes, username),
    restaurantName: cleanText(raw.restaurant_name, 'restaurantName', notes),
    restaurantType: cleanText(raw.restaurant_type, 'restaurantType', notes, 'restaurant'),
    position: cleanText(raw.user_position, 'position', notes),
    kitchenProduceList: produceList(raw.kitchen_produce_list, 'Kitchen produce list', notes),
    barProduceList: produceList(raw.bar_produce_list, 'Bar produce list', notes),
    createdAt: instant(raw.created_at),
    updatedAt: instant(raw.updated_at),
    isActive: active,
    lastLogin: instant(raw.last_login),
    notes,
  };
}

function unitCost(value: string | null, notes: string[]): number {
  const cost = value === null ? null : scaled(value, 2);
  if (cost === null || cost.value < 0 || cost.value > MAX_UNIT_COST_CENTS) {
    notes.push(`Unit cost "${value ?? ''}" is not an amount: imported as 0.00`);
    return 0;
  }
  if (cost.rounded) notes.push(`Unit cost ${value} has more than two decimals: rounded to the cent`);
  return cost.value;
}

function stock(value: string | null, notes: string[]): number {
  const level = value === null ? null : scaled(value, 3);
  if (level === null) {
    notes.push(`Stock "${value ?? ''}" is not a number: counted as 0`);
    return 0;
  }
  if (level.value < 0) {
    notes.push(`Stock ${value} is negative: counted as 0`);
    return 0;
  }
  if (level.value > MAX_QUANTITY_MILLI) {
    notes.push(`Stock ${value} is more than a billion: counted as 0`);
    return 0;
  }
  if (level.rounded) notes.push(`Stock ${value} has more than three decimals: rounded`);
  return level.value;
}

export function oldItem(table: OldItemTable, raw: RawItem): OldItem {
  const notes: string[] = [];
  const unnamed = `Unnamed ${OldItemTables[table].area} item ${raw.id}`;
  return {
    table,
    oldId: raw.id,
    userId: raw.user_id,
    name: cleanText(raw.name, 'itemName', notes, unnamed),
    category: cleanText(raw.category, 'category', notes),
    supplier: cleanText(raw.supplier, 'supplier', notes),
    unit: cleanText(raw.unit, 'unit', notes, 'each'),
    unitCostCents: unitCost(raw.unit_cost, notes),
    stockMilli: stock(raw.current_stock, notes),
    createdAt: instant(raw.created_at),
    updatedAt: instant(raw.updated_at),
    notes,
  };
}

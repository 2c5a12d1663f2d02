/**
 * This computer's clock against the central server's. Every contact measures the offset (the
 * server's time minus the midpoint of the call, so the round trip is halved), and the time a
 * movement happens is this computer's clock corrected by the last one measured: computers whose
 * clocks disagree still put their movements in the order they happened (docs/decisions/0013).
 */
import type { Clock } from './clock';
import type { Db } from './database';
import { readMeta, writeMeta } from './meta';

export interface ClockOffset {
  /** Server minus this computer, in ms. */
  offsetMs: number;
  /** Half the round trip it was measured over: the offset is right within this. */
  uncertaintyMs: number;
}

const KEY = 'clock.offset';

const known = new WeakMap<Db, { offset: ClockOffset | null }>();

function knownOf(db: Db): { offset: ClockOffset | null } {
  let entry = known.get(db);
  if (!entry) {
    const saved = readMeta(db, KEY);
    entry = { offset: saved ? (JSON.parse(saved) as ClockOffset) : null };
    known.set(db, entry);
  }
  return entry;
}

/** The offset a call measured: sent and answered by this computer's clock, the server's time in between. */
export const measuredOffset = (sentAt: Date, serverAt: Date, answeredAt: Date): ClockOffset => {
  const midpoint = (sentAt.getTime() + answeredAt.getTime()) / 2;
  return {
    offsetMs: Math.round(serverAt.getTime() - midpoint),
    uncertaintyMs: Math.ceil((answeredAt.getTime() - sentAt.getTime()) / 2),
  };
};

export function saveClockOffset(db: Db, offset: ClockOffset): void {
  writeMeta(db, KEY, JSON.stringify(offset));
  knownOf(db).offset = offset;
}

/** The last offset measured; null before this computer ever reached a server. */
export const clockOffset = (db: Db): ClockOffset | null => knownOf(db).offset;

/** The time on the server's clock as far as this computer knows it, with the offset used (null: none known yet). */
export function serverTime(db: Db, clock: Clock): { ms: number; offsetMs: number | null } {
  const offsetMs = knownOf(db).offset?.offsetMs ?? null;
  return { ms: clock.now().getTime() + (offsetMs ?? 0), offsetMs };
}

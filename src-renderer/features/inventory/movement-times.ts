/**
 * A movement's times for history: when it happened, and — where they differ from it by a minute or
 * more — when it was recorded and when it reached the central server ("counted 09:02, synced 11:14").
 */
import type { Movement } from '../../../shared/contract/inventory';
import type { MovementReason } from '../../../shared/domain';
import { formatDateTime, formatTime } from '../../ui/format';

const HAPPENED: Record<MovementReason, string> = {
  delivery: 'arrived',
  usage: 'used',
  waste: 'thrown away',
  correction: 'corrected',
  count: 'counted',
};

const MINUTE = 60_000;
const apart = (a: string, b: string): boolean => Math.abs(Date.parse(a) - Date.parse(b)) >= MINUTE;
const sameDay = (a: string, b: string): boolean => new Date(a).toDateString() === new Date(b).toDateString();
/** The time alone on the day it happened, with its date on any other. */
const timeBeside = (iso: string, happened: string): string =>
  sameDay(iso, happened) ? formatTime(iso) : formatDateTime(iso);

/** The line under a movement's time, or null when it was recorded and synced when it happened. */
export function otherTimes(
  movement: Pick<Movement, 'reason' | 'occurredAt' | 'recordedAt' | 'receivedAt'>,
): string | null {
  const { occurredAt, recordedAt, receivedAt } = movement;
  const parts: string[] = [];
  if (apart(recordedAt, occurredAt)) parts.push(`recorded ${timeBeside(recordedAt, occurredAt)}`);
  const lastShown = parts.length > 0 ? recordedAt : occurredAt;
  if (receivedAt && apart(receivedAt, lastShown)) parts.push(`synced ${timeBeside(receivedAt, occurredAt)}`);
  if (parts.length === 0) return null;
  return [`${HAPPENED[movement.reason]} ${formatTime(occurredAt)}`, ...parts].join(', ');
}

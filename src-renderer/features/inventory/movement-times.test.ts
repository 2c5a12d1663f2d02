/** Runs in en-US and UTC (vitest.config.ts), as e2e's Chromium does. */
import { describe, expect, it } from 'vitest';
import { otherTimes } from './movement-times';

const at = (time: string, day = '2026-12-02') => `${day}T${time}:00.000Z`;

describe('a movement’s other times', () => {
  it('says nothing when it was recorded and synced when it happened', () => {
    expect(otherTimes({ reason: 'usage', occurredAt: at('10:00'), recordedAt: at('10:00'), receivedAt: null })).toBe(
      null,
    );
    // Seconds apart are the same minute for a person.
    expect(
      otherTimes({
        reason: 'usage',
        occurredAt: at('10:00'),
        recordedAt: at('10:00'),
        receivedAt: '2026-12-02T10:00:40Z',
      }),
    ).toBe(null);
  });

  it('a count taken offline and synced later: counted 09:02, synced 11:14', () => {
    expect(
      otherTimes({ reason: 'count', occurredAt: at('09:02'), recordedAt: at('09:02'), receivedAt: at('11:14') }),
    ).toBe('counted 9:02 AM, synced 11:14 AM');
  });

  it('a delivery entered after it arrived: both, and the sync only when it came later still', () => {
    expect(
      otherTimes({ reason: 'delivery', occurredAt: at('07:00'), recordedAt: at('11:00'), receivedAt: at('11:00') }),
    ).toBe('arrived 7:00 AM, recorded 11:00 AM');
    expect(
      otherTimes({ reason: 'waste', occurredAt: at('07:00'), recordedAt: at('11:00'), receivedAt: at('13:30') }),
    ).toBe('thrown away 7:00 AM, recorded 11:00 AM, synced 1:30 PM');
  });

  it('another day shows its date', () => {
    expect(
      otherTimes({ reason: 'count', occurredAt: at('23:00', '2026-12-01'), recordedAt: at('08:00'), receivedAt: null }),
    ).toBe('counted 11:00 PM, recorded Dec 2, 2026, 8:00 AM');
  });
});

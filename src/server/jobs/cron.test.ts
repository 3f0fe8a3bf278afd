import { PgBoss } from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { latestDueOccurrence, nextOccurrence, occurrenceRunId, type PreviewSchedule } from './cron.ts';

// pg-boss's calendar arithmetic needs no database: the instance is never started.
const boss = new PgBoss({ db: { executeSql: async () => ({ rows: [] }) } });
const preview: PreviewSchedule = (cron, options) => boss.previewSchedule(cron, options);

const at = (iso: string) => new Date(iso);

describe('latestDueOccurrence', () => {
  // 03:15 every day in Shanghai (UTC+8) is 19:15 UTC the day before.
  const daily = '15 3 * * *';
  const zone = 'Asia/Shanghai';

  it('finds nothing before the first occurrence', () => {
    expect(
      latestDueOccurrence(preview, daily, zone, at('2024-06-30T19:00:00Z'), at('2024-06-30T19:14:59Z')),
    ).toBe(null);
  });

  it('finds the occurrence the clock just passed, read in the time zone', () => {
    expect(
      latestDueOccurrence(preview, daily, zone, at('2024-06-30T19:14:00Z'), at('2024-06-30T19:15:30Z')),
    ).toEqual(at('2024-06-30T19:15:00Z'));
  });

  it('counts an occurrence exactly at the clock as due', () => {
    expect(
      latestDueOccurrence(preview, daily, zone, at('2024-06-30T19:14:00Z'), at('2024-06-30T19:15:00Z')),
    ).toEqual(at('2024-06-30T19:15:00Z'));
  });

  it('returns only the latest of several occurrences since the last pass (older ones are skipped)', () => {
    expect(
      latestDueOccurrence(preview, daily, zone, at('2024-06-27T00:00:00Z'), at('2024-06-30T20:00:00Z')),
    ).toEqual(at('2024-06-30T19:15:00Z'));
  });

  it('does not find again an occurrence the previous pass covered', () => {
    expect(
      latestDueOccurrence(preview, daily, zone, at('2024-06-30T19:15:30Z'), at('2024-06-30T19:16:30Z')),
    ).toBe(null);
  });

  it('finds nothing when the clock has not moved past the last pass', () => {
    expect(
      latestDueOccurrence(preview, daily, zone, at('2024-06-30T19:20:00Z'), at('2024-06-30T19:10:00Z')),
    ).toBe(null);
  });

  it('finds a monthly occurrence a month back', () => {
    expect(
      latestDueOccurrence(
        preview,
        '0 6 1 * *',
        'UTC',
        at('2024-05-15T00:00:00Z'),
        at('2024-06-20T00:00:00Z'),
      ),
    ).toEqual(at('2024-06-01T06:00:00Z'));
  });

  it('reads an RFC 5545 rule as well as a cron expression', () => {
    expect(
      latestDueOccurrence(
        preview,
        'FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=17;BYMINUTE=0;BYSECOND=0',
        'UTC',
        at('2024-06-01T00:00:00Z'),
        at('2024-07-01T00:00:00Z'),
      ),
    ).toEqual(at('2024-06-28T17:00:00Z'));
  });
});

describe('nextOccurrence', () => {
  it('is the first occurrence after the clock, in the time zone', () => {
    expect(nextOccurrence(preview, '15 3 * * *', 'Asia/Shanghai', at('2024-06-30T08:00:00Z'))).toEqual(
      at('2024-06-30T19:15:00Z'),
    );
  });
});

describe('occurrenceRunId', () => {
  const due = at('2024-06-30T19:15:00Z');

  it('is a version-8 UUID', () => {
    expect(occurrenceRunId('session-cleanup', due)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('is the same for the same job and occurrence, on any server', () => {
    expect(occurrenceRunId('session-cleanup', due)).toBe(occurrenceRunId('session-cleanup', new Date(due)));
  });

  it('differs between occurrences and between jobs', () => {
    const ids = new Set([
      occurrenceRunId('session-cleanup', due),
      occurrenceRunId('session-cleanup', at('2024-07-01T19:15:00Z')),
      occurrenceRunId('monthly-report', due),
    ]);
    expect(ids.size).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { dueReminders, nextFireAt, type Reminder, type ReminderPlan } from './dueReminders.js';
import { occurrenceAt, type Schedule } from './recurrence.js';

const at = (iso: string) => new Date(iso);
const brief = (reminders: readonly Reminder[]) => reminders.map((r) => [r.occurrenceIndex, r.leadMinutes]);
const briefDue = (reminders: readonly (Reminder & { late: boolean })[]) =>
  reminders.map((r) => [r.occurrenceIndex, r.leadMinutes, r.late ? 'late' : 'on time']);

// Sundays at 20:00 London time: 23 March 2025 is GMT (20:00Z), 30 March is BST (19:00Z).
const weeklyLondon: Schedule = { firstStart: at('2025-03-23T20:00:00Z'), zone: 'Europe/London', repeat: 'weekly' };
const plan: ReminderPlan = {
  schedule: weeklyLondon,
  leadMinutes: [1440, 60, 0],
  createdAt: at('2025-03-20T12:00:00Z'),
};

describe('dueReminders', () => {
  it.each([
    ['nothing before the first fire time', '2025-03-22T19:59:59Z', null, undefined, [], []],
    ['on time at the fire time', '2025-03-22T20:00:00Z', null, undefined, [[0, 1440, 'on time']], []],
    ['a minute behind is still on time', '2025-03-22T20:01:00Z', null, undefined, [[0, 1440, 'on time']], []],
    ['a few minutes behind is late', '2025-03-22T20:05:00Z', null, undefined, [[0, 1440, 'late']], []],
    ['exactly the grace period behind is still sent', '2025-03-22T20:10:00Z', null, undefined, [[0, 1440, 'late']], []],
    ['beyond the grace period is skipped', '2025-03-22T20:10:01Z', null, undefined, [], [[0, 1440]]],
    ['already checked is not returned again', '2025-03-22T20:05:00Z', '2025-03-22T20:00:00Z', undefined, [], []],
    ['down for 90 minutes before the session', '2025-03-23T20:05:00Z', '2025-03-23T18:30:00Z', undefined,
      [[0, 0, 'late']], [[0, 60]]],
    ['a longer grace period sends both', '2025-03-23T20:05:00Z', '2025-03-23T18:30:00Z', 120,
      [[0, 60, 'late'], [0, 0, 'late']], []],
    // The 1h lead before the first BST session is 18:00Z, not 19:00Z: leads are durations before the local start.
    ['second week, after the clocks went forward', '2025-03-30T18:00:00Z', '2025-03-30T17:59:00Z', undefined,
      [[1, 60, 'on time']], []],
  ] as const)('%s', (_name, now, lastCheckedAt, graceMinutes, expectedDue, expectedSkipped) => {
    const result = dueReminders({
      ...plan,
      now: at(now),
      lastCheckedAt: lastCheckedAt === null ? null : at(lastCheckedAt),
      graceMinutes,
    });
    expect(briefDue(result.due)).toEqual(expectedDue);
    expect(brief(result.skipped)).toEqual(expectedSkipped);
  });

  it('never sends or reports leads that were already past when the session was created', () => {
    const result = dueReminders({ ...plan, createdAt: at('2025-03-23T19:30:00Z'), now: at('2025-03-23T20:00:00Z') });
    expect(briefDue(result.due)).toEqual([[0, 0, 'on time']]);
    expect(result.skipped).toEqual([]);
  });

  it('gives the session start and fire time of each reminder', () => {
    const now = at('2025-03-29T19:00:00Z');
    const { due } = dueReminders({ ...plan, now, lastCheckedAt: at('2025-03-29T18:59:00Z') });
    expect(due).toEqual([
      {
        occurrenceIndex: 1,
        occurrenceStart: at('2025-03-30T19:00:00Z'),
        leadMinutes: 1440,
        fireAt: at('2025-03-29T19:00:00Z'),
        late: false,
      },
    ]);
  });

  it('fires a negative lead after the start (the "did you finish?" question)', () => {
    const once: Schedule = { ...weeklyLondon, repeat: 'none' };
    const { due } = dueReminders({
      ...plan,
      schedule: once,
      leadMinutes: [0, -48],
      now: at('2025-03-23T20:48:00Z'),
      lastCheckedAt: at('2025-03-23T20:47:00Z'),
    });
    expect(briefDue(due)).toEqual([[0, -48, 'on time']]);
  });

  it('covers several sessions when a lead is longer than the repeat', () => {
    const daily: Schedule = { firstStart: at('2025-06-01T18:00:00Z'), zone: 'UTC', repeat: 'daily' };
    const result = dueReminders({
      schedule: daily,
      leadMinutes: [2880],
      createdAt: at('2025-05-01T00:00:00Z'),
      now: at('2025-06-01T18:00:00Z'),
    });
    expect(brief(result.skipped)).toEqual([[0, 2880], [1, 2880]]);
    expect(briefDue(result.due)).toEqual([[2, 2880, 'on time']]);
  });

  it('has nothing to send without lead times', () => {
    const result = dueReminders({ ...plan, leadMinutes: [], now: at('2025-03-23T20:00:00Z') });
    expect(result).toEqual({ due: [], skipped: [] });
  });
});

describe('nextFireAt', () => {
  const once: Schedule = { firstStart: at('2025-03-23T20:00:00Z'), zone: 'Europe/London', repeat: 'none' };

  it.each([
    // "in 60 minutes" with a 1h lead: the reminder is due the moment the session is created.
    ['a lead due at creation', once, [1440, 60, 0], '2025-03-23T19:00:00Z', null, '2025-03-23T19:00:00.000Z'],
    ['after that check', once, [1440, 60, 0], '2025-03-23T19:00:00Z', '2025-03-23T19:00:00Z',
      '2025-03-23T20:00:00.000Z'],
    ['a one-off session that is over', once, [1440, 60, 0], '2025-03-20T00:00:00Z', '2025-03-23T20:00:00Z', null],
    ['next week, in summer time', weeklyLondon, [1440, 60, 0], '2025-03-20T00:00:00Z', '2025-03-23T20:00:00Z',
      '2025-03-29T19:00:00.000Z'],
    ['no lead times', weeklyLondon, [], '2025-03-20T00:00:00Z', null, null],
  ] as const)('%s', (_name, schedule, leadMinutes, createdAt, lastCheckedAt, expected) => {
    const next = nextFireAt({
      schedule,
      leadMinutes,
      createdAt: at(createdAt),
      lastCheckedAt: lastCheckedAt === null ? null : at(lastCheckedAt),
    });
    expect(next?.toISOString() ?? null).toBe(expected);
  });

  it('finds an earlier reminder belonging to a later session', () => {
    const daily: Schedule = { firstStart: at('2025-06-01T18:00:00Z'), zone: 'UTC', repeat: 'daily' };
    // Session 0's 2-day reminder was before creation; session 1's 2-day reminder comes before session 0 starts.
    const next = nextFireAt({ schedule: daily, leadMinutes: [2880, 0], createdAt: at('2025-05-31T12:00:00Z') });
    expect(next).toEqual(at('2025-05-31T18:00:00Z'));
  });
});

describe('a minute tick driven by next_fire_at, with an injected clock', () => {
  const minute = 60_000;
  // Four weekly sessions in New York around the spring change (9 March 2025), created with seconds on the clock.
  const schedule: Schedule = { firstStart: at('2025-02-24T01:00:00Z'), zone: 'America/New_York', repeat: 'weekly' };
  const leadMinutes = [1440, 60, 0, -48];
  const createdAt = at('2025-02-23T23:30:30Z');
  const end = at('2025-03-17T02:00:00Z');

  function runTicks(isUp: (now: Date) => boolean) {
    const sent: Array<{ key: string; late: boolean }> = [];
    const dropped: string[] = [];
    let lastCheckedAt: Date | null = null;
    let nextFire = nextFireAt({ schedule, leadMinutes, createdAt });
    for (let time = createdAt.getTime(); time <= end.getTime(); time += minute) {
      const now = new Date(time);
      if (!isUp(now) || nextFire === null || nextFire > now) continue;
      const result = dueReminders({ schedule, leadMinutes, createdAt, lastCheckedAt, now });
      sent.push(...result.due.map((r) => ({ key: `${r.occurrenceIndex}/${r.leadMinutes}`, late: r.late })));
      dropped.push(...result.skipped.map((r) => `${r.occurrenceIndex}/${r.leadMinutes}`));
      lastCheckedAt = now;
      nextFire = nextFireAt({ schedule, leadMinutes, createdAt, lastCheckedAt });
    }
    return { sent, dropped };
  }

  function everyReminderUntilEnd(): string[] {
    const keys: string[] = [];
    for (let index = 0; index < 4; index++) {
      const start = occurrenceAt(schedule, index)!;
      for (const lead of leadMinutes) {
        const fireAt = start.getTime() - lead * minute;
        if (fireAt >= createdAt.getTime() && fireAt <= end.getTime()) keys.push(`${index}/${lead}`);
      }
    }
    return keys;
  }

  it('sends every reminder exactly once and on time when the bot never stops', () => {
    const { sent, dropped } = runTicks(() => true);
    // Session 0 starts 90 minutes after creation, so its 24h lead was already past.
    expect(sent.map((s) => s.key)).toEqual(everyReminderUntilEnd().filter((key) => key !== '0/1440'));
    expect(sent.every((s) => !s.late)).toBe(true);
    expect(dropped).toEqual([]);
  });

  it('after an outage sends what is within the grace period late and drops the rest', () => {
    // Down from 18:55 to 20:05 New York time (EDT) on Sunday 9 March, the first summer-time session.
    const downFrom = at('2025-03-09T22:55:00Z');
    const upAgain = at('2025-03-10T00:05:00Z');
    const { sent, dropped } = runTicks((now) => now < downFrom || now >= upAgain);
    expect(dropped).toEqual(['2/60']);
    expect(sent.filter((s) => s.late)).toEqual([{ key: '2/0', late: true }]);
    expect(sent.map((s) => s.key)).toEqual(everyReminderUntilEnd().filter((key) => key !== '0/1440' && key !== '2/60'));
  });
});

import { describe, expect, it } from 'vitest';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import { upcomingSessions } from './upcomingSessions.js';

const minute = 60_000;
const firstStart = new Date('2027-01-04T20:00:00Z');

function scheduleOf(repeat: 'none' | 'daily', episodes: number): StoredSchedule {
  return {
    id: 1,
    guildId: 'g',
    partyId: 1,
    channelId: 'c',
    pingRoleId: null,
    title: 'Watch',
    schedule: { firstStart, zone: 'UTC', repeat },
    episodes,
    leadMinutes: [0],
    createdBy: 'u',
    createdAt: new Date('2027-01-01T00:00:00Z'),
    lastCheckedAt: null,
    nextFireAt: null,
    status: 'active',
    pausedReason: null,
  };
}

const at = (minutesFromFirstStart: number) => new Date(firstStart.getTime() + minutesFromFirstStart * minute);

describe('upcomingSessions', () => {
  it.each([
    { name: 'a session still to come', repeat: 'none' as const, now: at(-10), limit: 3, starts: [at(0)] },
    { name: 'a session in progress', repeat: 'none' as const, now: at(47), limit: 3, starts: [at(0)] },
    { name: 'a session that is over', repeat: 'none' as const, now: at(48), limit: 3, starts: [] },
    { name: 'daily sessions, the running one first', repeat: 'daily' as const, now: at(30), limit: 2, starts: [at(0), at(24 * 60)] },
    { name: 'nothing with a limit of 0', repeat: 'daily' as const, now: at(-10), limit: 0, starts: [] },
  ])('lists $name', ({ repeat, now, limit, starts }) => {
    const sessions = upcomingSessions(scheduleOf(repeat, 2), now, limit);
    expect(sessions.map((session) => session.start)).toEqual(starts);
    for (const session of sessions) expect(session.end.getTime() - session.start.getTime()).toBe(48 * minute);
  });

  it('stops at `until`', () => {
    const sessions = upcomingSessions(scheduleOf('daily', 1), at(-10), 10, at(3 * 24 * 60));
    expect(sessions.map((session) => session.occurrenceIndex)).toEqual([0, 1, 2, 3]);
  });
});

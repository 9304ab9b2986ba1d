import { describe, expect, it } from 'vitest';
import { finishedPromptLead, mayScheduleAnother, maximumOpenSchedules, scheduleLeadMinutes } from './scheduleRules.js';

describe('the open-schedule cap', () => {
  it.each([
    [0, true],
    [1, true],
    [24, true],
    [25, false],
    [26, false],
  ])('with %i open schedules, another may be scheduled: %s', (open, allowed) => {
    expect(mayScheduleAnother(open)).toBe(allowed);
  });

  it('is 25, the length of one autocomplete list', () => {
    expect(maximumOpenSchedules).toBe(25);
  });
});

describe('the "finished?" prompt', () => {
  it.each([
    [1, 24, -24],
    [2, 24, -48],
    [12, 24, -288],
    [3, 30, -90],
  ])('after %i episodes of %i minutes comes %i minutes from the start', (episodes, minutesPerEpisode, lead) => {
    expect(finishedPromptLead(episodes, minutesPerEpisode)).toBe(lead);
  });

  it.each([
    [[1440, 60, 0], 1, [1440, 60, 0, -24]],
    [[60], 2, [60, -48]],
    [[], 1, [-24]],
  ])('follows the reminders %j for %i episodes', (reminders, episodes, expected) => {
    expect(scheduleLeadMinutes(reminders, episodes)).toEqual(expected);
  });
});

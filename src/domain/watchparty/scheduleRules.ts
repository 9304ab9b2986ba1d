import { defaultMinutesPerEpisode } from './session.js';

/** Open (active or paused) schedules a server may have at once: one autocomplete list of ids holds 25. */
export const maximumOpenSchedules = 25;

/** Whether a server with `openSchedules` open schedules may schedule one more. */
export function mayScheduleAnother(openSchedules: number): boolean {
  return openSchedules < maximumOpenSchedules;
}

/**
 * The lead time of the "Did you finish episode N?" prompt: negative, since it comes after the start,
 * once a session of `episodes` episodes has run its course.
 */
export function finishedPromptLead(episodes: number, minutesPerEpisode = defaultMinutesPerEpisode): number {
  return -episodes * minutesPerEpisode;
}

/** Every lead time of a new schedule: the server's reminders, then the "finished?" prompt. */
export function scheduleLeadMinutes(reminderLeads: readonly number[], episodes: number): number[] {
  return [...reminderLeads, finishedPromptLead(episodes)];
}

/**
 * How long a watch-party session lasts and which episodes it covers, so the bot can ask
 * "Did you finish episode N?" once it is over.
 */

export const defaultMinutesPerEpisode = 24;

export function sessionEndsAt(
  occurrenceStart: Date,
  episodes: number,
  minutesPerEpisode = defaultMinutesPerEpisode,
): Date {
  return new Date(occurrenceStart.getTime() + episodes * minutesPerEpisode * 60_000);
}

export interface EpisodeRange {
  /** Absolute episode numbers, both included. */
  readonly first: number;
  readonly last: number;
}

/**
 * The episodes a session will watch, given `progress` (the last episode the party finished, 0 before the
 * first), clamped to the series; null when the series is already finished.
 */
export function episodesCovered(progress: number, episodes: number, totalEpisodes: number): EpisodeRange | null {
  const first = Math.max(progress, 0) + 1;
  if (first > totalEpisodes || episodes < 1) return null;
  return { first, last: Math.min(first + episodes - 1, totalEpisodes) };
}

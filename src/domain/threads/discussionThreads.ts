/**
 * Which episodes get a discussion thread when a party's progress moves, and what a thread is called.
 * A thread is opened for an episode only as the party finishes it, so no thread names a later episode.
 */

/** A jump of many episodes opens threads for this many of its last episodes only, so a channel is not flooded. */
export const maximumThreadsPerMove = 3;
/** Discord's limit on a thread's name. */
export const threadNameLimit = 100;
/** Minutes of quiet after which Discord archives a thread: a week, the longest Discord allows. */
export const threadAutoArchiveMinutes = 10_080;

export interface ThreadPlan {
  /** The episodes to open threads for, oldest first. */
  episodes: number[];
  /** How many newly finished episodes get no thread because the jump was longer than the limit. */
  leftOut: number;
}

/**
 * The newly finished episodes of a move from `previous` to `next`, at most the last `maximumThreadsPerMove`.
 * Moving back, or not at all, finishes nothing new.
 */
export function planThreads(previous: number, next: number): ThreadPlan {
  if (next <= previous) return { episodes: [], leftOut: 0 };
  const first = Math.max(previous + 1, next - maximumThreadsPerMove + 1);
  const episodes = Array.from({ length: next - first + 1 }, (_, index) => first + index);
  return { episodes, leftOut: first - (previous + 1) };
}

/**
 * "S1E5 · episode 5 discussion", with the episode's title after it when the title is visible at that episode
 * (the caller passes it only then). Only the title is shortened to fit Discord's 100 characters.
 */
export function threadName(shortLabel: string, episode: number, visibleTitle: string | null): string {
  const name = `${shortLabel} · episode ${episode} discussion`;
  if (!visibleTitle) return name;
  const room = threadNameLimit - name.length - ' · '.length;
  if (room < 2) return name;
  const title = visibleTitle.length <= room ? visibleTitle : `${visibleTitle.slice(0, room - 1).trimEnd()}…`;
  return `${name} · ${title}`;
}

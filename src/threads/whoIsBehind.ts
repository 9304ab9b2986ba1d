import type { PersonalProgress } from '../domain/progress.js';
import { describeStanding } from '../domain/threads/roster.js';

/** A reminder names at most this many members; `/progress roster` lists them all. */
const namedAtMost = 15;

/**
 * For the "starting now" reminder: the members whose own progress is behind the session's first episode, as the
 * roster shows them ("<@alice>: episode 3, 2 behind"), or null when nobody is. Mentions, which never ping here.
 */
export function whoIsBehind(members: readonly PersonalProgress[], firstEpisode: number): string | null {
  const needed = firstEpisode - 1;
  const behind = members.filter((member) => member.episode < needed);
  if (behind.length === 0) return null;
  const named = behind.slice(0, namedAtMost).map((member) => `<@${member.userId}>: ${describeStanding(member.episode, needed)}`);
  const more = behind.length > namedAtMost ? `, and ${behind.length - namedAtMost} more (\`/progress roster\`)` : '';
  return `Behind: ${named.join('; ')}${more}.`;
}

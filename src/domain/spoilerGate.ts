/**
 * The spoiler gate. Progress is the last episode a group has finished (0 = not started).
 * Content stamped `revealedIn` may be shown only once that episode has been finished.
 *
 * This is the one rule; storage registers it as the SQL function `is_visible_at` so every
 * knowledge query applies the same rule inside SQLite.
 */
export function isVisibleAt(revealedIn: number, progress: number): boolean {
  return revealedIn <= progress;
}

export type Audience = 'everyone' | 'asker-only';

/**
 * Which progress gates a reply. A public reply must be safe for the whole party, and also for the
 * asker if they are behind; a reply only the asker sees may follow the asker's own progress.
 */
export function progressForReply(input: {
  partyProgress: number;
  personalProgress: number | undefined;
  audience: Audience;
}): number {
  const { partyProgress, personalProgress, audience } = input;
  if (personalProgress === undefined) return partyProgress;
  if (audience === 'asker-only') return personalProgress;
  return Math.min(partyProgress, personalProgress);
}

/** Where a member stands against a reference episode (the party's progress, or what a session needs finished). */
export type Standing = { kind: 'behind'; by: number } | { kind: 'level' } | { kind: 'ahead' };

export function standingAgainst(episode: number, reference: number): Standing {
  if (episode < reference) return { kind: 'behind', by: reference - episode };
  return episode === reference ? { kind: 'level' } : { kind: 'ahead' };
}

/**
 * "episode 3, 2 behind", "episode 7, ahead", "episode 5, with the party": episode numbers only, never a title,
 * so a roster is safe to show anyone whatever they have watched.
 */
export function describeStanding(episode: number, reference: number): string {
  const where = episode === 0 ? 'not started' : `episode ${episode}`;
  const standing = standingAgainst(episode, reference);
  if (standing.kind === 'behind') return `${where}, ${standing.by} behind`;
  return standing.kind === 'ahead' ? `${where}, ahead` : `${where}, with the party`;
}

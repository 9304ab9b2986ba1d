export interface ScoredMatch<Value> {
  value: Value;
  /** Higher is better; the same scale for every candidate of one query. */
  score: number;
}

export type MatchDecision<Value> =
  | { kind: 'one'; value: Value }
  | { kind: 'several'; candidates: Value[] }
  | { kind: 'none' };

/** A lead this large over the runner-up (a tier of the ranking) makes the best match the one meant. */
const clearLead = 20;
/** How many candidates an ambiguous answer lists: few enough to read at a glance. */
const candidatesShown = 5;

/**
 * What a user meant by a typed name, from the same ranked matches autocomplete offers: the only match, or
 * one that clearly leads the rest, resolves; matches too close to tell apart are offered back as candidates.
 */
export function decideMatch<Value>(ranked: readonly ScoredMatch<Value>[]): MatchDecision<Value> {
  const [best, runnerUp] = [...ranked].sort((left, right) => right.score - left.score);
  if (!best) return { kind: 'none' };
  if (!runnerUp || best.score - runnerUp.score >= clearLead) return { kind: 'one', value: best.value };
  const close = ranked.filter((match) => best.score - match.score < clearLead).sort((left, right) => right.score - left.score);
  return { kind: 'several', candidates: close.slice(0, candidatesShown).map((match) => match.value) };
}

import { normalizeName } from '../normalizeName.js';

/** A wrong answer a generated question may offer, with the stamp after which it may be shown. */
export interface Candidate {
  text: string;
  revealedIn: number;
}

/**
 * Picks three distractors in a seeded order (the same pack always compiles to the same questions).
 * Only candidates visible by the question's stamp are used; when fewer than three are, the question
 * waits (its stamp rises) until three are, or is dropped when there never are.
 */
export function pickDistractors(
  seed: string,
  answer: string,
  candidates: readonly Candidate[],
  questionStamp: number,
): { distractors: [string, string, string]; revealedIn: number } | null {
  const answerKey = normalizeName(answer);
  const earliestByText = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = normalizeName(candidate.text);
    const known = earliestByText.get(key);
    if (key !== answerKey && (!known || candidate.revealedIn < known.revealedIn)) earliestByText.set(key, candidate);
  }
  const byStamp = [...earliestByText.values()].sort((left, right) => left.revealedIn - right.revealedIn);
  const third = byStamp[2];
  if (!third) return null;
  const revealedIn = Math.max(questionStamp, third.revealedIn);
  const [first, second, last] = byStamp
    .filter((candidate) => candidate.revealedIn <= revealedIn)
    .map((candidate) => ({ text: candidate.text, order: seededOrder(`${seed}\0${candidate.text}`) }))
    .sort((left, right) => left.order - right.order || (left.text < right.text ? -1 : 1))
    .map((candidate) => candidate.text);
  if (first === undefined || second === undefined || last === undefined) return null;
  return { distractors: [first, second, last], revealedIn };
}

/** FNV-1a: a small, stable hash, so the order looks shuffled but never changes between runs. */
export function seededOrder(value: string): number {
  let hash = 0x811c9dc5;
  for (const character of value) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Three whole numbers next to the answer, inside [minimum, maximum]: four consecutive numbers with
 * the answer at a seeded place among them, so the answer is not always the middle or an end.
 */
export function neighbourNumberCandidates(
  seed: string,
  answer: number,
  minimum: number,
  maximum: number = Number.MAX_SAFE_INTEGER,
): Candidate[] {
  const window = 4;
  const placeOfAnswer = seededOrder(seed) % window;
  const lowest = Math.max(minimum, Math.min(answer - placeOfAnswer, maximum - window + 1));
  const candidates: Candidate[] = [];
  for (let value = lowest; value < lowest + window; value += 1) {
    if (value !== answer) candidates.push({ text: String(value), revealedIn: 0 });
  }
  return candidates;
}

/** Neighbouring episodes as "Episode N" (an episode's number is never a spoiler). */
export function neighbourEpisodeCandidates(seed: string, episode: number, episodeCount: number): Candidate[] {
  return neighbourNumberCandidates(seed, episode, 1, episodeCount).map((candidate) => ({
    text: `Episode ${candidate.text}`,
    revealedIn: 0,
  }));
}

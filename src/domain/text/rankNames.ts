import { editDistance } from './editDistance.js';
import { normalizeText, wordsOf } from './normalizeText.js';

export interface NamedCandidate {
  /** What the candidate stands for, e.g. an entity id; several names may share one. */
  key: string;
  name: string;
}

export interface RankedCandidate<Candidate extends NamedCandidate> {
  candidate: Candidate;
  score: number;
}

/** Typos allowed grow with the length of what was typed: none for short words. */
function typoAllowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/** A name in the form it is compared in, and its words. */
interface ComparableName {
  text: string;
  words: string[];
}

/**
 * Candidates are the pack's names, asked about on every keystroke: each is normalised once. Bounded by the
 * names callers pass (never what users type).
 */
const comparableNames = new Map<string, ComparableName>();

function comparable(name: string): ComparableName {
  let known = comparableNames.get(name);
  if (!known) {
    const text = normalizeText(name);
    known = { text, words: wordsOf(text) };
    comparableNames.set(name, known);
  }
  return known;
}

function scoreNormalized(typed: string, { text: target, words }: ComparableName): number {
  if (typed.length === 0) return 0;
  if (target === typed) return 100;
  if (target.startsWith(typed)) return 90;
  if (words.some((word) => word === typed)) return 85;
  if (words.some((word) => word.startsWith(typed))) return 80;
  if (typed.length >= 3 && target.includes(typed)) return 60;
  const typedLength = [...typed].length;
  const allowance = typoAllowance(typedLength);
  if (allowance === 0) return 0;
  const distances = [target, ...words].map((word) => {
    const prefix = [...word].slice(0, typedLength).join('');
    return Math.min(editDistance(typed, word, allowance), editDistance(typed, prefix, allowance) + 0.5);
  });
  const best = Math.min(...distances);
  return best <= allowance ? 50 - best * 10 : 0;
}

/** How well a query matches one name, 0 for no match. Higher is better. */
export function matchScore(query: string, name: string): number {
  return scoreNormalized(normalizeText(query), comparable(name));
}

/**
 * Ranks candidates by their best matching name, one result per key, best first,
 * ties broken by name so results are stable.
 */
export function rankNames<Candidate extends NamedCandidate>(
  query: string,
  candidates: readonly Candidate[],
  limit: number,
): RankedCandidate<Candidate>[] {
  const bestByKey = new Map<string, RankedCandidate<Candidate>>();
  const typed = normalizeText(query);
  for (const candidate of candidates) {
    const score = scoreNormalized(typed, comparable(candidate.name));
    if (score === 0) continue;
    const existing = bestByKey.get(candidate.key);
    if (!existing || score > existing.score) bestByKey.set(candidate.key, { candidate, score });
  }
  return [...bestByKey.values()]
    .sort((left, right) => right.score - left.score || left.candidate.name.localeCompare(right.candidate.name))
    .slice(0, limit);
}

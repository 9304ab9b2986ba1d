import { editDistance } from './editDistance.js';
import { normalizeText } from './normalizeText.js';

const maximumTerms = 8;

/**
 * English words too common to search for. Every term is prefix-matched, so "the" also matched "them", "then" and
 * "there": most facts, in no useful order, and 1.3 ms of work; "the mask" only found rows that also held one of those.
 */
const commonWords = new Set(
  'a an and are as at be but by for from had has have he her him his i in is it its of on or she so that the their them then there they this to was we were with you'.split(' '),
);

/**
 * The words of a user's search worth looking for, lower-cased and stripped of everything but letters and digits,
 * so FTS5 syntax typed by a user (quotes, `*`, `NEAR`, `OR`, parentheses) is only ever searched as text.
 */
export function searchTerms(query: string): string[] {
  const words = normalizeText(query).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].filter((word) => !commonWords.has(word)).slice(0, maximumTerms);
}

/**
 * Replaces a word that matches nothing in the vocabulary with the closest word that does
 * (a small typo), keeping words that are already a prefix of some known word.
 */
export function correctTerm(term: string, vocabulary: readonly string[]): string {
  if (vocabulary.some((word) => word.startsWith(term))) return term;
  const allowance = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
  if (allowance === 0) return term;
  let best = term;
  let bestDistance = allowance + 1;
  for (const word of vocabulary) {
    const distance = editDistance(term, word, allowance);
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  return best;
}

/** An FTS5 MATCH expression: every term quoted and prefix-matched, joined by AND or OR. */
export function toMatchExpression(terms: readonly string[], joiner: 'AND' | 'OR'): string {
  return terms.map((term) => `"${term.replaceAll('"', '')}"*`).join(` ${joiner} `);
}

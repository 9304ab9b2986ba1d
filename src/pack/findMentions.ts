import { normalizeName } from './normalizeName.js';

export interface StampedName {
  name: string;
  revealedIn: number;
  entityId: string;
}

// Scripts written without spaces between words: a name there is found anywhere in the text.
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Builds a function that lists which of the given names a text mentions. Latin names match whole
 * words only (so "Theo" is not found in "Theodore"), case and accents ignored.
 */
export function createMentionFinder(names: readonly StampedName[]): (text: string) => StampedName[] {
  const matchers = names.map((stampedName) => ({ stampedName, matches: buildMatcher(normalizeName(stampedName.name)) }));
  return (text) => {
    const normalizedText = normalizeName(text);
    return matchers.filter(({ matches }) => matches(normalizedText)).map(({ stampedName }) => stampedName);
  };
}

/** The latest stamp among the names a text mentions (0 when it mentions none). */
export function latestMentionStamp(findMentions: (text: string) => StampedName[], texts: readonly string[]): number {
  return Math.max(0, ...texts.flatMap((text) => findMentions(text).map((mention) => mention.revealedIn)));
}

function buildMatcher(normalizedName: string): (normalizedText: string) => boolean {
  if (unspacedScript.test(normalizedName)) return (normalizedText) => normalizedText.includes(normalizedName);
  const escaped = normalizedName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
  // The substring test first: it is much cheaper and rules out almost every pair.
  return (normalizedText) => normalizedText.includes(normalizedName) && pattern.test(normalizedText);
}

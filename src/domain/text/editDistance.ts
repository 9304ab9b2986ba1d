/** A text as code points, so kana count as one letter each. */
export function codePoints(text: string): number[] {
  const points: number[] = [];
  for (const character of text) points.push(character.codePointAt(0) ?? 0);
  return points;
}

/** The DP's last three rows, kept between calls: names are short, and this runs for every name on every keystroke. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)] as const;

function rowsFor(length: number): readonly [Int32Array, Int32Array, Int32Array] {
  if (rows[0].length <= length) rows = [new Int32Array(length * 2), new Int32Array(length * 2), new Int32Array(length * 2)];
  return rows;
}

export interface AlignmentDistances {
  /** From `typed` to the whole word. */
  whole: number;
  /** From `typed` to the word's first letters, as many as `typed` has (or the whole word when it is shorter). */
  prefix: number;
}

/**
 * Optimal string alignment distances (Levenshtein plus adjacent transpositions) from `typed` to `word` and to its
 * prefix, from one table: the prefix's distance is in the same last row. Stops early once both must exceed `limit`
 * (each is then `limit + 1`).
 */
export function alignmentDistances(typed: readonly number[], word: readonly number[], limit = Number.POSITIVE_INFINITY): AlignmentDistances {
  const typedLength = typed.length;
  const wordLength = word.length;
  const prefixLength = Math.min(typedLength, wordLength);
  const beyond = { whole: limit + 1, prefix: limit + 1 };
  if (Math.abs(typedLength - wordLength) > limit && typedLength - prefixLength > limit) return beyond;
  let [previousPrevious, previous, current] = rowsFor(wordLength + 1);
  for (let j = 0; j <= wordLength; j += 1) previous[j] = j;
  for (let i = 1; i <= typedLength; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    const letter = typed[i - 1];
    for (let j = 1; j <= wordLength; j += 1) {
      const cost = letter === word[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && letter === word[j - 2] && typed[i - 2] === word[j - 1]) value = Math.min(value, previousPrevious[j - 2]! + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return beyond;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  return { whole: previous[wordLength]!, prefix: previous[prefixLength]! };
}

/** The optimal string alignment distance between two texts, by code point; `limit + 1` once it must exceed `limit`. */
export function editDistance(left: string, right: string, limit = Number.POSITIVE_INFINITY): number {
  return alignmentDistances(codePoints(left), codePoints(right), limit).whole;
}

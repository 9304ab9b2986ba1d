const zeroWidthCharacters = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const latinCombiningMarks = /[\u0300-\u036f]/g;

/**
 * The form names and queries are compared in: NFKC (full-width letters, half-width katakana),
 * lower case, Latin accents removed (é -> e), invisible characters removed, spaces collapsed.
 * Only Latin combining marks are removed so Japanese voiced marks (ブ vs フ) still count.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(zeroWidthCharacters, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(latinCombiningMarks, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of a normalised name: split on spaces, punctuation and the katakana middle dot. */
export function wordsOf(normalized: string): string[] {
  return normalized.split(/[\s・·.,'"()\-_/]+/u).filter((word) => word.length > 0);
}

const zeroWidthCharacters = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Only the Latin combining accents: the Japanese voicing marks (also combining marks after NFD) must stay.
const latinCombiningMarks = /[\u0300-\u036F]/g;

/**
 * The form names are compared in (entity_names.normalized): NFKC, zero-width characters removed,
 * Latin diacritics removed, lower case. Readers must normalise a query the same way.
 */
export function normalizeName(value: string): string {
  return value
    .replace(zeroWidthCharacters, '')
    .normalize('NFKC')
    .normalize('NFD')
    .replace(latinCombiningMarks, '')
    .normalize('NFC')
    .toLowerCase();
}

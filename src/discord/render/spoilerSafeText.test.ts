import { describe, expect, it } from 'vitest';
import { endsInsideSpoiler, splitAtSafeBreaks, truncate } from './spoilerSafeText.js';

/** Every piece must show balanced spoiler tags: an even number of `||`. */
function balanced(piece: string): boolean {
  return !endsInsideSpoiler(piece);
}

describe('splitAtSafeBreaks', () => {
  it.each([
    { text: 'short', maximum: 10, pieces: ['short'] },
    { text: 'one two three four', maximum: 9, pieces: ['one two', 'three', 'four'] },
    { text: 'abcdefghijklmnop', maximum: 8, pieces: ['abcdefgh', 'ijklmnop'] },
    { text: '||abcdefghijkl||', maximum: 8, pieces: ['||abcd||', '||efgh||', '||ijkl||'] },
    { text: 'see ||Grimm is Jeremy|| now', maximum: 14, pieces: ['see ||Grimm||', '||is Jeremy||', 'now'] },
    { text: '||a b c d e f g h||', maximum: 9, pieces: ['||a b c||', '||d e f||', '||g h||'] },
  ])('splits "$text" at $maximum', ({ text, maximum, pieces }) => {
    expect(splitAtSafeBreaks(text, maximum)).toEqual(pieces);
  });

  it('keeps every piece within the limit and every spoiler tag whole, for many widths', () => {
    const text = 'Monica dies. ||The killer is someone close to her, and the masks come from LIVE Corporation|| — later, more.';
    for (let maximum = 8; maximum <= text.length + 1; maximum += 1) {
      const pieces = splitAtSafeBreaks(text, maximum);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(maximum);
        expect(balanced(piece)).toBe(true);
      }
      const words = (value: string) => value.replaceAll('||', ' ').split(/\s+/).filter(Boolean).join('');
      expect(words(pieces.join(' '))).toBe(words(text));
    }
  });

  it('never cuts a surrogate pair in half', () => {
    const pieces = splitAtSafeBreaks('😀😀😀😀😀😀😀😀', 9);
    expect(pieces.join('')).toBe('😀😀😀😀😀😀😀😀');
    for (const piece of pieces) expect(piece).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('refuses a width too small to hold a reopened spoiler tag', () => {
    expect(() => splitAtSafeBreaks('anything at all', 4)).toThrow();
  });
});

describe('truncate', () => {
  it.each([
    { text: 'James Blood', maximum: 20, expected: 'James Blood' },
    { text: 'the SSC investigator who worked at Echoes', maximum: 24, expected: 'the SSC investigator…' },
    { text: 'a ||hidden long secret|| here', maximum: 16, expected: 'a ||hidden||…' },
  ])('fits "$text" into $maximum', ({ text, maximum, expected }) => {
    const result = truncate(text, maximum);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(maximum);
  });
});

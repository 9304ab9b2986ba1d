import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLookupContext } from './lookupContext.js';
import type { LookupTestContext } from './lookupContext.js';
import { createLeakFinder, forbiddenAt, neverSpoilingTexts, stampedTexts, sweepInputs } from './spoilerSweep.js';
import type { StampedText } from './spoilerSweep.js';

let lookups: LookupTestContext;
let texts: StampedText[];
let alwaysVisible: string[];
beforeAll(() => {
  lookups = openLookupContext();
  texts = stampedTexts(lookups.knowledgeDatabase);
  alwaysVisible = neverSpoilingTexts(lookups.knowledgeDatabase);
});
afterAll(() => lookups.close());

const forbiddenTexts = (progress: number) => forbiddenAt(texts, alwaysVisible, progress).map((stamped) => stamped.text);

describe('the spoiler sweep’s forbidden strings', () => {
  it('reads names, voice actors (whole and in parts), attributes and facts from the compiled tables', async () => {
    const byText = new Map(texts.map((stamped) => [stamped.text, stamped]));
    expect(byText.get('Jeremy Payne')).toMatchObject({ revealedIn: 4, origin: 'name of grimm' });
    expect(byText.get('Yasuyuki Kase (加瀬康之)')).toMatchObject({ revealedIn: 1, origin: 'voice actor of james-blood' });
    expect(byText.get('Yasuyuki Kase')?.revealedIn).toBe(1);
    expect(byText.get('加瀬康之')?.revealedIn).toBe(1);
    expect(byText.get('a geneticist tied to LIVE Corporation')?.revealedIn).toBe(7);
    expect(byText.get('He protects Tina from Geffrey Connor.')?.revealedIn).toBe(24);
    expect(byText.has('CEO')).toBe(false);
  });

  it.each([
    { progress: 0, forbidden: ['James Blood', 'Eddie', 'SSC', 'Greg Chun'], allowed: ['Hiroyasu Aoki', 'Mikio Ono'] },
    { progress: 3, forbidden: ['Jeremy Payne', 'Theo Lowe', 'Tina'], allowed: ['Grimm', 'James Blood'] },
    { progress: 15, forbidden: ['Tina Herst', 'Tina Hurst', 'William Herst', 'Julia Herst'], allowed: ['Tina', 'Olivia'] },
    { progress: 23, forbidden: ['Julia Herst', 'Julia', 'Oliver Henderson'], allowed: ['Tina Herst'] },
    { progress: 24, forbidden: [], allowed: ['Julia Herst'] },
  ])('at progress $progress forbids what comes later and allows what is visible', async ({ progress, forbidden, allowed }) => {
    const list = forbiddenTexts(progress);
    for (const text of forbidden) expect(list).toContain(text);
    for (const text of allowed) expect(list).not.toContain(text);
  });

  it('forbids nothing after the last episode, and fewer strings the further the party gets', async () => {
    const counts = Array.from({ length: 25 }, (_, progress) => forbiddenTexts(progress).length);
    expect(counts[24]).toBe(0);
    expect(counts[0]).toBeGreaterThan(200);
    for (let progress = 1; progress <= 24; progress += 1) expect(counts[progress]).toBeLessThanOrEqual(counts[progress - 1] ?? 0);
  });

  it('does not forbid a later string that is part of something already visible', async () => {
    const made = (text: string, revealedIn: number): StampedText => ({ text, revealedIn, origin: `made up ${text}` });
    const stamped = [made('Tina Herst', 16), made('Herst', 24), made('Julia Herst', 24), made('Mask', 5), made('a story of masks', 2)];
    const forbidden = (progress: number) => forbiddenAt(stamped, ['Hero Mask'], progress).map((entry) => entry.text);
    expect(forbidden(15)).toEqual(['Tina Herst', 'Herst', 'Julia Herst']);
    expect(forbidden(16)).toEqual(['Julia Herst']);
    expect(forbidden(1)).toEqual(['Tina Herst', 'Herst', 'Julia Herst', 'a story of masks']);
  });
});

describe('the leak finder', () => {
  it.each([
    { progress: 3, shown: '**Grimm** (Jeremy Payne)', leaks: ['Jeremy Payne'] },
    { progress: 15, shown: 'Tina Herst · Tina', leaks: ['Tina Herst'] },
    { progress: 15, shown: 'Tina · Theodore · Anna', leaks: [] },
    { progress: 0, shown: 'English (Netflix): GREG CHUN', leaks: ['Greg Chun'] },
    { progress: 0, shown: 'エディ', leaks: ['エディ'] },
    { progress: 24, shown: 'Julia Herst', leaks: [] },
  ])('finds $leaks in "$shown" at progress $progress', ({ progress, shown, leaks }) => {
    const find = createLeakFinder(forbiddenAt(texts, alwaysVisible, progress));
    expect(find(shown).map((stamped) => stamped.text)).toEqual(leaks);
  });
});

describe('the sweep inputs', () => {
  it('come from the pack: every name and id, fact words, prefixes and typos', () => {
    const inputs = sweepInputs(lookups.knowledgeDatabase);
    expect(inputs.names).toEqual(expect.arrayContaining(['James Blood', 'ジェームズ・ブラッド', 'Jeremy Payne', 'Eddie', 'the SSC investigator who worked at Echoes']));
    expect(inputs.entityIds).toEqual(expect.arrayContaining(['julia-herst', 'grimm', 'masks']));
    expect(inputs.factWords.length).toBeGreaterThan(40);
    expect(inputs.shortPrefixes).toEqual(expect.arrayContaining(['Ja', 'ジェ', 'Ti']));
    expect(inputs.longerPrefixes).toEqual(expect.arrayContaining(['Jam', 'Jmes Blood']));
    expect(inputs.longerPrefixes).not.toContain('Ja');
  });
});

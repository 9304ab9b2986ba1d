import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLookupContext, replyText } from '../test/support/lookupContext.js';
import type { LookupTestContext } from '../test/support/lookupContext.js';
import { characterCommand, unknownNameMessage } from './character.js';

let lookups: LookupTestContext;
beforeAll(() => {
  lookups = openLookupContext();
});
afterAll(() => lookups.close());

async function characterAt(progress: number, name: string, options: { private?: boolean; userId?: string } = {}) {
  await lookups.setProgress(progress);
  const invocation = lookups.invocation({ name, ...(options.private ? { private: true } : {}) }, options.userId);
  return characterCommand.execute(invocation, lookups.context);
}

async function choicesAt(progress: number, typed: string) {
  await lookups.setProgress(progress);
  return (await characterCommand.autocomplete?.(lookups.autocompleteInvocation('name', typed), lookups.context)) ?? [];
}

describe('/character', () => {
  it.each([
    { typed: 'grimm', progress: 3, title: 'Grimm', shows: ['グリム', 'Sean Chiplock'], hides: ['Jeremy Payne', 'ジェレミー・ペイン'] },
    { typed: 'grimm', progress: 4, title: 'Grimm', shows: ['Also known as:** グリム, Jeremy Payne, ジェレミー・ペイン'], hides: [] },
    { typed: 'fred', progress: 6, title: 'Fred', shows: ["• the witness Monica Campbell puts under prosecutors' protection"], hides: ['Faraday', 'geneticist', 'Affiliation', 'professor'] },
    {
      typed: 'fred',
      progress: 9,
      title: 'Fred Faraday',
      shows: ['**Also known as:** Fred, フレッド・ファラデー', '• geneticist, LIVE Corporation'],
      hides: ['one of the researchers who developed the masks'],
    },
    { typed: 'tina', progress: 15, title: 'Tina', shows: ['ティナ'], hides: ['Herst', 'Hurst', '14-year-old'] },
    { typed: 'Tina Herst', progress: 16, title: 'Tina Herst', shows: ['• a 14-year-old girl, the only survivor of a bus crash'], hides: ['Tina Hurst', 'last remaining mask'] },
    {
      typed: 'eddie',
      progress: 1,
      title: 'Edmond Chandler',
      shows: ['*Character, first seen in S1E1 · episode 1*', 'Japanese: Kentarō Takano (高野憲太郎)', 'English (Netflix): Landon McDonald', 'English (Sentai): Blake Shepard', 'Safe up to S1E1', 'GPS Bullets'],
      hides: [],
    },
    { typed: 'ssc', progress: 1, title: 'SSC', shows: ['*Organisation*', 'Special Service of Crime', '• division, Capital Police Department'], hides: [] },
  ])('$typed at progress $progress is "$title"', async ({ typed, progress, title, shows, hides }) => {
    const reply = await characterAt(progress, typed);
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds?.[0]?.title).toBe(title);
    const text = replyText(reply);
    for (const shown of shows) expect(text).toContain(shown);
    for (const hidden of hides) expect(text).not.toContain(hidden);
  });

  it('lists what is known newest last', async () => {
    const text = replyText(await characterAt(24, 'james-blood'));
    const order = ['loose-cannon cop', 'guarantor', 'arch-nemesis Grimm', 'protects Tina', 'mask similar to Tina'].map((fact) => text.indexOf(fact));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((left, right) => left - right)).toEqual(order);
  });

  it.each([
    { typed: 'Julia', progress: 16 },
    { typed: 'julia-herst', progress: 16 },
    { typed: 'Jeremy Payne', progress: 3 },
    { typed: 'Tina', progress: 14 },
    { typed: 'James Blood', progress: 0 },
  ])('answers $typed at progress $progress exactly as a name that does not exist', async ({ typed, progress }) => {
    const hidden = await characterAt(progress, typed);
    const missing = await characterAt(progress, 'Nobody Atall');
    expect(hidden).toEqual(missing);
    expect(hidden).toEqual({ content: unknownNameMessage(progress), ephemeral: true });
  });

  it('says how far it looked, and before episode 1 how a host sets progress', async () => {
    expect((await characterAt(12, 'Nobody Atall')).content).toBe(
      'I do not know anyone by that name up to episode 12. Check the spelling, or pick one of the names offered as you type.',
    );
    const beforeTheStart = (await characterAt(0, 'James Blood')).content;
    expect(beforeTheStart).toContain('up to episode 0.');
    expect(beforeTheStart).toContain('a host sets how far the party has watched with `/progress set`');
    expect((await characterAt(1, 'Nobody Atall')).content).not.toContain('/progress set');
  });

  it.each([
    { typed: 'Jmaes', title: 'James Blood' },
    { typed: 'Sarah Sinclar', title: 'Sarah Sinclair' },
    { typed: 'Edmund', title: 'Edmond Chandler' },
  ])('resolves the typo $typed to its one confident match, as autocomplete offers it', async ({ typed, title }) => {
    expect((await characterAt(5, typed)).embeds?.[0]?.title).toBe(title);
  });

  it('answers an ambiguous name with the visible candidates', async () => {
    const reply = await characterAt(24, 'j');
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^Which one do you mean: \*\*.+\*\*, \*\*.+\*\*/);
  });

  it('answers privately at the asker’s own progress, publicly at the lower of theirs and the party’s', async () => {
    const ahead = '100000000000000020';
    await lookups.setPersonalProgress(ahead, 16);
    expect(await characterAt(4, 'tina', { userId: ahead })).toEqual({ content: unknownNameMessage(4), ephemeral: true });
    const mine = await characterAt(4, 'tina', { userId: ahead, private: true });
    expect(mine.ephemeral).toBe(true);
    expect(mine.embeds?.[0]?.title).toBe('Tina Herst');
    expect(mine.embeds?.[0]?.footer?.text).toBe('Safe up to S2E1 · your own progress');

    const behind = '100000000000000021';
    await lookups.setPersonalProgress(behind, 3);
    expect(replyText(await characterAt(24, 'grimm', { userId: behind }))).not.toContain('Jeremy Payne');
  });
});

describe('/character autocomplete', () => {
  it.each([
    { typed: 'eddie', progress: 1, first: { name: 'Edmond Chandler (Eddie)', value: 'edmond-chandler' } },
    { typed: 'edmund', progress: 1, first: { name: 'Edmond Chandler', value: 'edmond-chandler' } },
    { typed: 'jams', progress: 1, first: { name: 'James Blood', value: 'james-blood' } },
    { typed: 'ブラッド', progress: 1, first: { name: 'James Blood (ジェームズ・ブラッド)', value: 'james-blood' } },
    { typed: 'gallager', progress: 1, first: { name: 'Lennox Gallagher', value: 'lennox-gallagher' } },
    { typed: 'jeremy', progress: 4, first: { name: 'Grimm (Jeremy Payne)', value: 'grimm' } },
    { typed: 'fred', progress: 7, first: { name: 'Fred Faraday (Fred)', value: 'fred' } },
    { typed: 'capital', progress: 1, first: { name: 'Capital Police Department · Organisation', value: 'capital-police' } },
  ])('offers $first.value first for "$typed" at progress $progress', async ({ typed, progress, first }) => {
    const choices = await choicesAt(progress, typed);
    expect(choices[0]).toEqual(first);
  });

  it.each([
    { typed: 'julia', progress: 16 },
    { typed: 'jeremy', progress: 3 },
    { typed: 'tina', progress: 14 },
    { typed: 'eddie', progress: 0 },
  ])('offers nothing for "$typed" before it is revealed (progress $progress)', async ({ typed, progress }) => {
    expect(await choicesAt(progress, typed)).toEqual([]);
  });

  it('offers every visible name when nothing is typed, characters first, within Discord’s limits', async () => {
    const choices = await choicesAt(24, '');
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ name: 'Alan Wyatt', value: 'alan-wyatt' });
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(await choicesAt(0, '')).toEqual(expect.not.arrayContaining([expect.objectContaining({ value: 'james-blood' })]));
  });

  it('answers well under a second, typing or running the command', async () => {
    await lookups.setProgress(24);
    const timings = async (run: () => unknown) => {
      const durations: number[] = [];
      for (let round = 0; round < 100; round += 1) {
        const started = performance.now();
        await run();
        durations.push(performance.now() - started);
      }
      return durations.sort((left, right) => left - right)[94] ?? Number.POSITIVE_INFINITY;
    };
    const typing = await timings(() => characterCommand.autocomplete?.(lookups.autocompleteInvocation('name', 'jams'), lookups.context));
    const card = await timings(() => characterCommand.execute(lookups.invocation({ name: 'James Blood' }), lookups.context));
    expect(typing).toBeLessThan(50);
    expect(card).toBeLessThan(50);
  });
});

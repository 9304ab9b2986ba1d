import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownNameMessage } from '../../commands/character.js';
import { startTestBot } from '../../test/support/botHarness.js';
import type { TestBot } from '../../test/support/botHarness.js';
import { everyPageText, nextPageButton } from '../../test/support/pagedAnswers.js';
import { userMessages } from './userMessages.js';

let harness: TestBot;
beforeAll(async () => {
  harness = await startTestBot();
});
afterAll(async () => {
  await harness.close();
});

async function setProgress(episode: number, channelId = harness.channels.general.id): Promise<void> {
  const outcome = await harness.run('host', 'progress', { subcommand: 'set', options: { episode }, channelId });
  expect(harness.text(outcome)).toContain('Progress saved');
}

function expectShowsAndHides(text: string, shows: readonly string[], hides: readonly string[]): void {
  for (const shown of shows) expect(text).toContain(shown);
  for (const hidden of hides) expect(text).not.toContain(hidden);
}

describe('lookup commands through the fake Discord', () => {
  it('registers the six lookups, names and episodes with autocomplete', () => {
    const registered = new Map(harness.fake.registeredCommands().map((command) => [command['name'], command]));
    for (const name of ['series', 'character', 'characters', 'episode', 'search', 'recap']) expect(registered.has(name)).toBe(true);
    const options = (name: string) => registered.get(name)?.['options'] as Array<{ name: string; autocomplete?: boolean }>;
    expect(options('character').find((option) => option.name === 'name')?.autocomplete).toBe(true);
    expect(options('character').map((option) => option.name)).toEqual(['name', 'private']);
    expect(options('episode').find((option) => option.name === 'number')?.autocomplete).toBe(true);
  });

  it.each([
    {
      progress: 0,
      shows: ['Hero Mask', '**Studio:** Pierrot', 'Season 2 (Part II): 9 episodes, released 23 August 2019', 'Mikio Ono: producer', 'Tokyo MX', 'Safe before episode 1'],
      hides: ['James Blood', 'Sarah Sinclair', 'LIVE Corporation', "Theo's arc", 'Connor'],
    },
    { progress: 4, shows: ['conspiracy involving LIVE Corporation', 'Safe up to S1E4'], hides: ["Theo's arc", "Monica Campbell's murder", 'Connor'] },
    { progress: 16, shows: ["Season 1 solves Monica Campbell's murder", 'Season 2 added Soichi Shimada', 'Safe up to S2E1'], hides: ['Season 2 introduces more characters'] },
  ])('/series on every page at progress $progress', async ({ progress, shows, hides }) => {
    await setProgress(progress);
    const pages = await everyPageText(harness, await harness.run('alice', 'series'), 'alice');
    expect(pages.length).toBeGreaterThan(1);
    expectShowsAndHides(pages.join('\n'), shows, hides);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
  });

  it.each([
    { progress: 1, name: 'eddie', shows: ['Edmond Chandler', 'Eddie', 'Landon McDonald', 'Blake Shepard', 'Kentarō Takano', 'GPS Bullets', 'Safe up to S1E1'], hides: ['Oliver'] },
    { progress: 3, name: 'grimm', shows: ['Grimm', 'He hates James Blood'], hides: ['Jeremy Payne', 'ジェレミー・ペイン', 'test subject'] },
    { progress: 4, name: 'grimm', shows: ['Jeremy Payne', 'test subject for the masks'], hides: [] },
    { progress: 8, name: 'Fred', shows: ['Fred Faraday', 'geneticist, LIVE Corporation'], hides: ['one of the researchers who developed the masks'] },
    { progress: 24, name: 'james-blood', shows: ['GPS Bullets', 'a mask similar to Tina', 'Greg Chun', 'Chris Patton', 'Safe up to S2E9'], hides: [] },
  ])('/character $name at progress $progress', async ({ progress, name, shows, hides }) => {
    await setProgress(progress);
    const outcome = await harness.run('alice', 'character', { options: { name } });
    expect(outcome.ephemeral).toBe(false);
    expectShowsAndHides(harness.text(outcome), shows, hides);
  });

  it.each([
    { progress: 16, hidden: 'Julia Herst' },
    { progress: 14, hidden: 'Tina' },
    { progress: 6, hidden: 'Fred Faraday' },
    { progress: 0, hidden: 'James Blood' },
  ])('/character answers $hidden at progress $progress exactly like a name that does not exist', async ({ progress, hidden }) => {
    await setProgress(progress);
    const notYet = await harness.run('alice', 'character', { options: { name: hidden } });
    const never = await harness.run('alice', 'character', { options: { name: 'Nobody Atall' } });
    expect(notYet.ephemeral).toBe(true);
    expect(harness.text(notYet)).toBe(unknownNameMessage(progress));
    expect(harness.text(never)).toBe(harness.text(notYet));
    expect(notYet.message?.embeds).toEqual(never.message?.embeds);
  });

  it('/character private:true answers only the asker, at their own progress', async () => {
    await setProgress(4);
    await harness.run('bob', 'progress', { subcommand: 'mine', options: { episode: 16 } });
    const shared = await harness.run('bob', 'character', { options: { name: 'tina' } });
    expect(harness.text(shared)).toBe(unknownNameMessage(4));
    const mine = await harness.run('bob', 'character', { options: { name: 'tina', private: true } });
    expect(mine.ephemeral).toBe(true);
    expectShowsAndHides(harness.text(mine), ['Tina Herst', 'Safe up to S2E1 · your own progress'], []);
    await harness.run('bob', 'progress', { subcommand: 'mine' });
  });

  it('/characters pages with buttons, and every page is gated', async () => {
    await setProgress(24);
    const pages = await everyPageText(harness, await harness.run('alice', 'characters'), 'alice');
    expect(pages.length).toBeGreaterThan(1);
    expectShowsAndHides(pages.join('\n'), ['**Julia Herst**', '**Oliver Henderson**', '**Edmond Chandler**', 'Safe up to S2E9'], []);

    await setProgress(4);
    const early = (await everyPageText(harness, await harness.run('alice', 'characters'), 'alice')).join('\n');
    expectShowsAndHides(early, ['**James Blood**: Detective Inspector', '**Theo Lowe**'], ['Tina', 'Julia', 'Faraday', 'Anna', 'Robert']);
  });

  it('a page button re-gates at the clicker’s current progress, not the progress it was made at', async () => {
    await setProgress(24);
    const made = await harness.run('alice', 'characters');
    const next = nextPageButton(made.message);
    if (!made.message || !next) throw new Error('expected a paged answer');
    await setProgress(16);
    await setProgress(24);
    expect(harness.text(await harness.run('host', 'progress', { subcommand: 'undo' }))).toContain('episode 16');

    const clicked = await harness.click('alice', made.message.id, next);
    expect(clicked.callbackType).toBe(7);
    const text = harness.text(clicked);
    expectShowsAndHides(text, ['Safe up to S2E1'], ['Julia', 'Oliver Henderson', 'the SSC investigator who worked at Echoes', 'S2E9']);

    // A member who is behind the party lowers what a shared message shows when they turn its page.
    await harness.run('bob', 'progress', { subcommand: 'mine', options: { episode: 4 } });
    const previous = harness.text(await harness.click('bob', made.message.id, 'page:characters:1:hero-mask'));
    expectShowsAndHides(previous, ['Safe up to S1E4'], ['Tina', 'William Herst', 'Faraday']);
    await harness.run('bob', 'progress', { subcommand: 'mine' });
  });

  it('a stale or forged page button gets a polite ephemeral answer and changes nothing', async () => {
    await setProgress(16);
    const made = await harness.run('alice', 'series');
    const message = made.message;
    if (!message) throw new Error('expected a message');
    // Buttons as an older version of the bot, or a forged client, might have left them.
    const forged = ['page:characters:x', 'page:nosuchview:1', 'page:character:1:julia-herst:all', 'page:search:1:'];
    message.components = [{ type: 1, components: forged.map((id, index) => ({ type: 2, style: 2, label: `old ${index}`, custom_id: id })) }];
    const before = JSON.stringify(message.embeds);
    for (const id of forged) {
      const outcome = await harness.click('alice', message.id, id);
      expect(outcome.ephemeral).toBe(true);
      expect(harness.text(outcome)).toBe(userMessages.staleComponent);
    }
    expect(JSON.stringify(harness.fake.message(message.channelId, message.id)?.embeds)).toBe(before);
  });

  it.each([
    { progress: 3, episode: 4, shows: ['S1E4 · episode 4', 'Season 1 (Part 1), episode 4 of 15', 'Released 3 December 2018', 'not watched it yet'], hides: ['Theo', 'Harry', 'What happens'] },
    { progress: 4, episode: 4, shows: ['Theo Lowe is introduced', '**First appearances**', 'Harry Creighton', 'Safe up to S1E4'], hides: ['not watched it yet'] },
    { progress: 4, episode: 16, shows: ['S2E1 · episode 16', 'Released 23 August 2019'], hides: ['Tina', 'William'] },
  ])('/episode $episode at progress $progress', async ({ progress, episode, shows, hides }) => {
    await setProgress(progress);
    expectShowsAndHides(harness.text(await harness.run('alice', 'episode', { options: { number: episode } })), shows, hides);
  });

  it('/search finds visible names and facts, pages them, and never repeats the query', async () => {
    await setProgress(24);
    const pages = await everyPageText(harness, await harness.run('alice', 'search', { options: { query: 'mask' } }), 'alice');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.join('\n')).toContain("**Geffrey Connor**: He wants Tina's mask");

    await setProgress(16);
    const hidden = await harness.run('alice', 'search', { options: { query: 'Julia' } });
    const gibberish = await harness.run('alice', 'search', { options: { query: 'qwxzzy' } });
    expect(harness.text(hidden)).toBe(harness.text(gibberish));
    // "Herst" is a visible surname by now: those matches show, the query itself never does.
    const partly = harness.text(await harness.run('alice', 'search', { options: { query: 'Julia Herst' } }));
    expectShowsAndHides(partly, ['**Tina Herst**', '**William Herst**'], ['Julia']);
    expect(harness.text(await harness.run('alice', 'search', { options: { query: 'eddie' } }))).toContain('**Edmond Chandler** (Eddie)');
  });

  it('/recap reads the last watched episodes in order', async () => {
    await setProgress(6);
    const text = harness.text(await harness.run('alice', 'recap'));
    expect(text.match(/\*\*S1E\d+ · episode \d+\*\*/g)).toEqual(['**S1E4 · episode 4**', '**S1E5 · episode 5**', '**S1E6 · episode 6**']);
    expectShowsAndHides(text, ['Harry shoots Theo.', 'Safe up to S1E6'], ['Steven Martland pauses', 'Grimm attacks']);
    const one = harness.text(await harness.run('alice', 'recap', { options: { episodes: 1 } }));
    expect(one.match(/\*\*S1E\d+ · episode \d+\*\*/g)).toEqual(['**S1E6 · episode 6**']);
  });

  it('autocompletes only visible names, best first, and the chosen value opens the card', async () => {
    await setProgress(4);
    expect((await harness.autocomplete('alice', 'character', 'name', 'eddie'))[0]).toEqual({ name: 'Edmond Chandler (Eddie)', value: 'edmond-chandler' });
    expect((await harness.autocomplete('alice', 'character', 'name', 'jams'))[0]?.value).toBe('james-blood');
    expect((await harness.autocomplete('alice', 'character', 'name', 'ブラッド'))[0]?.value).toBe('james-blood');
    expect(await harness.autocomplete('alice', 'character', 'name', 'tina')).toEqual([]);
    const [jeremy] = await harness.autocomplete('alice', 'character', 'name', 'jeremy');
    expect(jeremy).toEqual({ name: 'Grimm (Jeremy Payne)', value: 'grimm' });
    expect(harness.text(await harness.run('alice', 'character', { options: { name: String(jeremy?.value) } }))).toContain('Jeremy Payne');
    const episodes = await harness.autocomplete('alice', 'episode', 'number', '1');
    expect(episodes.slice(0, 3)).toEqual([
      { name: 'S1E1 · episode 1', value: 1 },
      { name: 'S1E2 · episode 2', value: 2 },
      { name: 'S1E3 · episode 3', value: 3 },
    ]);
  });

  it('sent nothing to routes Discord does not have', () => {
    expect(harness.fake.unknownRoutes).toEqual([]);
  });
});

describe('page buttons after a restart', () => {
  it('keep working: their state lives in the custom id', async () => {
    const first = await startTestBot();
    const party = await first.bot.context.parties.forChannelOrDefault(first.guild.id, first.channels.general.id);
    await first.bot.context.progress.set(party.id, 24, first.users.host.id);
    const made = await first.run('alice', 'characters');
    const next = nextPageButton(made.message);
    if (!made.message || !next) throw new Error('expected a paged answer');
    await first.bot.stop();

    const restarted = await startTestBot({ restartOf: first });
    try {
      const clicked = await restarted.click('alice', made.message.id, next);
      expect(clicked.callbackType).toBe(7);
      expect(restarted.text(clicked)).toContain('Page 2 of');
    } finally {
      await restarted.close();
    }
  });
});

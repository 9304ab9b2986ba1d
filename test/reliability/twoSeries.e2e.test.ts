import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownNameMessage } from '../../commands/character.js';
import { userMessages } from '../../src/discord/userMessages.js';
import { startTestBot } from '../support/botHarness.js';
import type { TestBot } from '../support/botHarness.js';
import { clockworkOrchardPackDirectory, heroMaskPackDirectory } from '../support/packFixture.js';
import { nextPageButton } from '../support/pagedAnswers.js';
import type { StoredMessage } from '../fakeDiscord/index.js';

/*
 * One server, two watch parties, two series: the server's party watches Hero Mask in #general, the Orchard party
 * watches The Clockwork Orchard (the made-up test series) in #dub. Nothing of one series answers in the other's channel.
 */

const heroMaskEpisodes = 24;
const orchardEpisodes = 9;
const concurrency = 16;

let harness: TestBot;

function namesOf(seriesId: string): string[] {
  return harness.series(seriesId).database.prepare('SELECT DISTINCT name FROM kb.entity_names').pluck().all() as string[];
}

/** /character for every name, in batches, as alice in `channelId` of `bot`: the text of each answer. */
async function characterAnswers(bot: TestBot, names: readonly string[], channelId: string): Promise<string[]> {
  const answers: string[] = [];
  for (let start = 0; start < names.length; start += concurrency) {
    const batch = names.slice(start, start + concurrency).map((name) => bot.run('alice', 'character', { options: { name }, channelId }));
    for (const outcome of await Promise.all(batch)) answers.push(bot.text(outcome));
  }
  return answers;
}

beforeAll(async () => {
  harness = await startTestBot({ packs: [heroMaskPackDirectory, clockworkOrchardPackDirectory] });
  const created = await harness.run('admin', 'party', {
    subcommand: 'create',
    options: { name: 'Orchard', channel: harness.channels.dub.id, series: 'The Clockwork Orchard' },
  });
  expect(harness.text(created)).toContain('Watch party **Orchard** now watches *The Clockwork Orchard* in');
  await harness.run('host', 'progress', { subcommand: 'set', options: { episode: heroMaskEpisodes } });
  await harness.run('admin', 'progress', { subcommand: 'set', options: { episode: orchardEpisodes }, channelId: harness.channels.dub.id });
});
afterAll(async () => {
  await harness.close();
});

describe('two parties on two series in one server', () => {
  it('answers /series, /help and /recap from the series of the channel’s party', async () => {
    const { general, dub } = harness.channels;
    expect(harness.text(await harness.run('alice', 'series', { channelId: general.id }))).toMatch(/^Hero Mask/);
    expect(harness.text(await harness.run('alice', 'series', { channelId: dub.id }))).toMatch(/^The Clockwork Orchard/);
    expect(harness.text(await harness.run('alice', 'help', { channelId: dub.id }))).toContain('Spoiler-safe watch parties for **The Clockwork Orchard**');
    expect(harness.text(await harness.run('alice', 'help', { channelId: general.id }))).toContain('Spoiler-safe watch parties for **Hero Mask**');
    expect(harness.text(await harness.run('alice', 'recap', { channelId: dub.id }))).toContain('Previously on The Clockwork Orchard');
  });

  it('answers a name from the other series exactly as a bot without that series answers it', async () => {
    const { general, dub } = harness.channels;
    // The same bot with only one series installed: whatever it says to a name is the answer to a name it never heard of.
    const alone = async (pack: string, episodes: number, names: readonly string[]) => {
      const single = await startTestBot({ packs: [pack] });
      try {
        await single.run('host', 'progress', { subcommand: 'set', options: { episode: episodes } });
        return await characterAnswers(single, names, single.channels.general.id);
      } finally {
        await single.close();
      }
    };
    const heroMaskNames = namesOf('hero-mask');
    const orchardNames = namesOf('clockwork-orchard');
    expect(await characterAnswers(harness, heroMaskNames, dub.id)).toEqual(await alone(clockworkOrchardPackDirectory, orchardEpisodes, heroMaskNames));
    expect(await characterAnswers(harness, orchardNames, general.id)).toEqual(await alone(heroMaskPackDirectory, heroMaskEpisodes, orchardNames));
    // Most are simply unknown; each series still knows its own.
    expect((await characterAnswers(harness, orchardNames, general.id)).every((answer) => answer === unknownNameMessage(heroMaskEpisodes))).toBe(true);
    expect(harness.text(await harness.run('alice', 'character', { options: { name: 'Wren' }, channelId: dub.id }))).toContain('Wren Hollis');
    expect(harness.text(await harness.run('alice', 'character', { options: { name: 'James' }, channelId: general.id }))).toContain('James Blood');
  });

  it('offers and finds only the channel’s series in autocomplete and /search', async () => {
    const { dub } = harness.channels;
    const orchardIds = harness.series('clockwork-orchard').database.prepare('SELECT id FROM kb.entities').pluck().all() as string[];
    const offered = await harness.autocomplete('alice', 'character', 'name', '', { channelId: dub.id });
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((choice) => orchardIds.includes(String(choice.value)))).toBe(true);
    expect(await harness.autocomplete('alice', 'character', 'name', 'James', { channelId: dub.id })).toEqual([]);
    const searched = harness.text(await harness.run('alice', 'search', { options: { query: 'Blood mask' }, channelId: dub.id }));
    for (const name of namesOf('hero-mask').filter((name) => name.length > 3)) expect(searched).not.toContain(name);
  });

  it('bounds progress by the series: its episode count, its seasons and its special', async () => {
    const { general, dub } = harness.channels;
    const tooFar = await harness.run('admin', 'progress', { subcommand: 'set', options: { episode: orchardEpisodes + 1 }, channelId: dub.id });
    expect(harness.text(tooFar)).toContain(`There are only ${orchardEpisodes} episodes`);
    const choices = await harness.autocomplete('admin', 'progress', 'episode', '', { subcommand: 'set', channelId: dub.id });
    expect(choices.map((choice) => choice.name)).toEqual([
      'Not started · episode 0',
      'S1E1 · episode 1',
      'S1E2 · episode 2',
      'S1E3 · episode 3',
      'Special 1 · episode 4',
      'S2E1 · episode 5',
      'S2E2 · episode 6',
      'S2E3 · episode 7',
      'S3E1 · episode 8',
      'S3E2 · episode 9',
    ]);
    expect((await harness.autocomplete('admin', 'progress', 'episode', '', { subcommand: 'set', channelId: general.id })).length).toBe(25);
    const mine = await harness.run('bob', 'progress', { subcommand: 'mine', options: { episode: 2 }, channelId: dub.id });
    expect(harness.text(mine)).toContain('Saved: you have finished episode 2 (S1E2) of *The Clockwork Orchard*');
    expect(await harness.bot.context.progress.personal(harness.guild.id, harness.users.bob.id, 'clockwork-orchard')).toBe(2);
    expect(await harness.bot.context.progress.personal(harness.guild.id, harness.users.bob.id, 'hero-mask')).toBeUndefined();
    await harness.run('bob', 'progress', { subcommand: 'mine', channelId: dub.id });
  });

  it('asks trivia only about the channel’s series', async () => {
    const { dub } = harness.channels;
    await harness.run('alice', 'trivia', { subcommand: 'start', options: { questions: 5 }, channelId: dub.id });
    const quiz = await harness.bot.context.quizzes.runningInChannel(dub.id);
    const orchardPrompts = new Set(harness.series('clockwork-orchard').knowledge.visibleQuestions(orchardEpisodes).map((question) => question.prompt));
    expect(quiz?.seriesId).toBe('clockwork-orchard');
    expect(quiz?.state.questions.length).toBe(5);
    expect(quiz?.state.questions.every((question) => orchardPrompts.has(question.prompt))).toBe(true);

    // An answer is checked on its click against the series the channel watches then: after a switch it counts for nothing.
    const isAnswerButton = (message: StoredMessage) => JSON.stringify(message.components).includes('"custom_id":"trivia-answer:');
    const question = await harness.fake.waitForMessage(dub.id, isAnswerButton);
    const [answer] = JSON.stringify(question.components).match(/trivia-answer:[^"]+/) ?? [];
    await harness.run('admin', 'party', { subcommand: 'series', options: { name: 'Orchard', series: 'hero-mask' } });
    expect(harness.text(await harness.click('bob', question.id, answer ?? '', dub.id))).toBe('This quiz has ended. Start a new one with `/trivia start`.');
    await harness.run('admin', 'party', { subcommand: 'series', options: { name: 'Orchard', series: 'clockwork-orchard' } });
    await harness.run('alice', 'trivia', { subcommand: 'stop', channelId: dub.id });
  });

  it('restores a party’s progress when it switches to another series and back', async () => {
    const { dub } = harness.channels;
    const switchTo = (series: string) => harness.run('admin', 'party', { subcommand: 'series', options: { name: 'Orchard', series } });
    expect(harness.text(await switchTo('hero-mask'))).toBe('Watch party **Orchard** now watches *Hero Mask*: it starts before episode 1.');
    await harness.run('admin', 'progress', { subcommand: 'set', options: { episode: 5 }, channelId: dub.id });
    expect(harness.text(await harness.run('alice', 'character', { options: { name: 'Wren' }, channelId: dub.id }))).toBe(unknownNameMessage(5));
    expect(harness.text(await switchTo('clockwork-orchard'))).toBe(
      'Watch party **Orchard** now watches *The Clockwork Orchard*: it picks up where it was, having finished S3E2.',
    );
    expect(harness.text(await switchTo('Hero Mask'))).toBe('Watch party **Orchard** now watches *Hero Mask*: it picks up where it was, having finished S1E5.');
    await switchTo('clockwork-orchard');
    const unknown = await harness.run('admin', 'party', { subcommand: 'series', options: { name: 'Orchard', series: 'Lantern Street' } });
    expect(harness.text(unknown)).toContain('I do not have a series called `Lantern Street`');
  });

  it('re-checks an old page button against the series the channel watches now', async () => {
    const { general } = harness.channels;
    const answer = await harness.run('alice', 'characters', { channelId: general.id });
    const next = nextPageButton(answer.message);
    expect(next).toMatch(/^page:characters:2:hero-mask$/);
    await harness.run('admin', 'settings', { options: { series: 'clockwork-orchard' } });
    const clicked = await harness.click('alice', answer.message?.id ?? '', next ?? '');
    expect(harness.text(clicked)).toBe(userMessages.staleComponent);
    await harness.run('admin', 'settings', { options: { series: 'hero-mask' } });
    expect(harness.text(await harness.click('alice', answer.message?.id ?? '', next ?? ''))).toContain('Safe up to S2E9');
  });
});

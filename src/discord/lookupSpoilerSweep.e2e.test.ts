import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownNameMessage } from '../../commands/character.js';
import { startTestBot } from '../../test/support/botHarness.js';
import type { TestBot } from '../../test/support/botHarness.js';
import { everyPageText } from '../../test/support/pagedAnswers.js';
import { createLeakFinder, forbiddenAt, neverSpoilingTexts, stampedTexts, sweepInputs } from '../../test/support/spoilerSweep.js';
import type { StampedText, SweepInputs } from '../../test/support/spoilerSweep.js';

/** What one lookup showed: every page, or every autocomplete choice. */
interface Shown {
  what: string;
  command: string;
  as: 'alice' | 'bob';
  texts: string[];
}

type Lookup = () => Promise<Shown>;

/** Interactions in flight at once: enough to keep the bot busy, few enough to stay in order per message. */
const concurrency = 16;

let harness: TestBot;
let inputs: SweepInputs;
let stamped: StampedText[];
let alwaysVisible: string[];

beforeAll(async () => {
  harness = await startTestBot({ environment: { REST_REQUESTS_PER_SECOND: '10000' } });
  const { database } = harness.series();
  inputs = sweepInputs(database);
  stamped = stampedTexts(database);
  alwaysVisible = neverSpoilingTexts(database);
});
afterAll(async () => {
  await harness.close();
});

async function inBatches(lookups: readonly Lookup[]): Promise<Shown[]> {
  const shown: Shown[] = [];
  for (let start = 0; start < lookups.length; start += concurrency) {
    shown.push(...(await Promise.all((await lookups.slice(start, start + concurrency)).map((lookup) => lookup()))));
  }
  return shown;
}

function command(what: string, as: 'alice' | 'bob', name: string, options: Record<string, string | number | boolean>, channelId: string): Lookup {
  return async () => ({ what, command: name, as, texts: await everyPageText(harness, await harness.run(as, name, { options, channelId }), as, channelId) });
}

function choices(what: string, as: 'alice' | 'bob', name: string, focused: string, typed: string, options: Record<string, boolean>, channelId: string): Lookup {
  return async () => {
    const offered = await harness.autocomplete(as, name, focused, typed, { options, channelId });
    return { what, command: `${name} autocomplete`, as, texts: offered.map((choice) => `${choice.name}\n${choice.value}`) };
  };
}

/**
 * Every lookup at one progress: alice in #general follows the party; bob in #dub (a party that
 * finished the series) has his own progress set to the same episode, which gates his public
 * answers (the lower of the two) and his private ones (his own).
 */
/** Every name, and every entity id (what autocomplete sends when a member picks a choice). */
function characterNames(): string[] {
  return [...inputs.names, ...inputs.entityIds];
}

function everyLookup(): Lookup[] {
  const general = harness.channels.general.id;
  const dub = harness.channels.dub.id;
  const episodes = Array.from({ length: harness.series().knowledge.episodeCount() }, (_, index) => index + 1);
  return [
    command('/series', 'alice', 'series', {}, general),
    command('/characters', 'alice', 'characters', {}, general),
    command('/characters (bob, behind his party)', 'bob', 'characters', {}, dub),
    command('/recap', 'alice', 'recap', {}, general),
    command('/recap episodes:24', 'alice', 'recap', { episodes: 24 }, general),
    ...episodes.map((number) => command(`/episode ${number}`, 'alice', 'episode', { number }, general)),
    ...characterNames().map((name) => command(`/character ${name}`, 'alice', 'character', { name }, general)),
    ...characterNames().map((name) => command(`/character ${name} private (bob)`, 'bob', 'character', { name, private: true }, dub)),
    ...[...inputs.names, ...inputs.factWords].map((query) => command(`/search ${query}`, 'alice', 'search', { query }, general)),
    ...['', ...inputs.shortPrefixes, ...inputs.longerPrefixes].map((typed) => choices(`/character name:"${typed}"`, 'alice', 'character', 'name', typed, {}, general)),
    ...['', ...inputs.shortPrefixes].map((typed) => choices(`/character name:"${typed}" private (bob)`, 'bob', 'character', 'name', typed, { private: true }, dub)),
    ...['', '1', '2', 's2', 'episode'].map((typed) => choices(`/episode number:"${typed}"`, 'alice', 'episode', 'number', typed, {}, general)),
  ];
}

describe('the lookup spoiler sweep', () => {
  it('shows nothing first revealed after the gating progress, for every progress, command, page and choice', async () => {
    const { guild, channels, users } = harness;
    const { context } = harness.bot;
    const generalParty = await context.parties.forChannelOrDefault(guild.id, channels.general.id);
    const dubParty = await context.parties.create({ guildId: guild.id, name: 'Finished', channelId: channels.dub.id, hostRoleId: null, seriesId: 'hero-mask' });
    await context.progress.set(dubParty.id, harness.series().knowledge.episodeCount(), users.host.id);

    const leaks: string[] = [];
    const characterAnswers = new Map<number, string[]>();
    let checked = 0;
    for (let progress = 0; progress <= harness.series().knowledge.episodeCount(); progress += 1) {
      await context.progress.set(generalParty.id, progress, users.host.id);
      await context.progress.setPersonal(guild.id, users.bob.id, 'hero-mask', progress);
      const findLeaks = createLeakFinder(forbiddenAt(stamped, alwaysVisible, progress));
      for (const shown of await inBatches(everyLookup())) {
        for (const text of shown.texts) {
          checked += 1;
          for (const leak of findLeaks(text)) leaks.push(`progress ${progress}, ${shown.what}: "${leak.text}" (${leak.origin}, revealed in ${leak.revealedIn})`);
        }
        if (shown.command === 'character' && shown.as === 'alice') {
          characterAnswers.set(progress, [...(characterAnswers.get(progress) ?? []), shown.texts.join('\n')]);
        }
      }
    }
    expect(leaks).toEqual([]);

    // The sweep is not vacuous: it read thousands of answers, and by the end every name opens a card.
    expect(checked).toBeGreaterThan(5_000);
    const finalAnswers = characterAnswers.get(harness.series().knowledge.episodeCount()) ?? [];
    expect(finalAnswers).toHaveLength(characterNames().length);
    expect(finalAnswers.filter((answer) => answer === unknownNameMessage(harness.series().knowledge.episodeCount()))).toEqual([]);
    expect((characterAnswers.get(0) ?? []).filter((answer) => answer !== unknownNameMessage(0)).length).toBeLessThan(characterNames().length / 4);
  }, 120_000);
});

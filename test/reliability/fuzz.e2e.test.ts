import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { seededRandom } from '../../src/domain/trivia/index.js';
import type { Random } from '../../src/domain/trivia/index.js';
import { startTestBot } from '../support/botHarness.js';
import { createManualClock } from '../support/manualClock.js';
import type { TestBot } from '../support/botHarness.js';
import type { InteractionOutcome, StoredMessage } from '../fakeDiscord/index.js';
import { commandShapes } from '../../src/discord/catalog/commandCatalog.js';
import type { CommandShape } from '../../src/discord/catalog/commandCatalog.js';
import { observeOutcome } from './interactionOutcomes.js';
import type { Outcome } from './interactionOutcomes.js';
import { mentionProblems } from './mentionSafety.js';
import { generateOptions, typedTexts } from './optionGenerators.js';
import type { OptionWorld } from './optionGenerators.js';
import { stateFingerprint } from './stateFingerprint.js';

/*
 * Random interactions from every registered command (read from the definitions), its autocomplete
 * and every button the bot hands out, through the fake Discord. Seeded: a failure names its seed,
 * and FUZZ_SEED=<seed> replays it.
 */

const seed = Number(process.env['FUZZ_SEED'] ?? 20_240_601);
const interactionCount = 300;
/** Discord's limit for the first answer; the fake refuses later answers too. */
const answerLimitMilliseconds = 3_000;
const members = ['alice', 'bob', 'host', 'admin'] as const;

interface Step {
  label: string;
  act: () => Promise<InteractionOutcome | Array<{ name: string; value: string | number }>>;
}

let harness: TestBot;
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandled);
  // A clock nobody advances: timed jobs never tick, so nothing changes state behind the interactions' backs.
  harness = await startTestBot({ clock: createManualClock(new Date(Math.ceil(Date.now() / 60_000) * 60_000)) });
});
afterAll(async () => {
  process.off('unhandledRejection', recordUnhandled);
  await harness.close();
});

function pick<T>(items: readonly T[], random: Random): T {
  const item = items[Math.min(items.length - 1, Math.floor(random() * items.length))];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

interface ButtonLike {
  type?: number;
  custom_id?: string;
  disabled?: boolean;
  components?: ButtonLike[];
}

function enabledButtons(message: StoredMessage): string[] {
  const flatten = (component: ButtonLike): ButtonLike[] => [component, ...(component.components ?? []).flatMap(flatten)];
  return (message.components as ButtonLike[])
    .flatMap(flatten)
    .filter((component) => component.type === 2 && component.custom_id !== undefined && component.disabled !== true)
    .map((component) => component.custom_id as string);
}

function stepsFor(random: Random, world: OptionWorld, seen: StoredMessage[]): Step {
  const shapes = commandShapes(commands);
  const member = pick(members, random);
  const channelId = pick(world.channelIds, random);
  const subcommand = (shape: CommandShape) => (shape.subcommand ? { subcommand: shape.subcommand } : {});
  const roll = random();
  const clickable = seen.flatMap((message) => {
    const current = harness.fake.message(message.channelId, message.id);
    return current ? enabledButtons(current).map((customId) => ({ message: current, customId })) : [];
  });
  if (roll < 0.2 && clickable.length > 0) {
    const { message, customId } = pick(clickable, random);
    return { label: `${member} clicks ${customId}`, act: () => harness.click(member, message.id, customId, message.channelId) };
  }
  const withAutocomplete = shapes.filter((shape) => shape.options.some((option) => option.autocomplete));
  if (roll < 0.35 && withAutocomplete.length > 0) {
    const shape = pick(withAutocomplete, random);
    const focused = pick(
      shape.options.filter((option) => option.autocomplete),
      random,
    );
    const typed = pick(typedTexts(focused, world), random);
    return {
      label: `${member} types ${JSON.stringify(typed.slice(0, 40))} into /${shape.key} ${focused.name}`,
      act: () => harness.autocomplete(member, shape.name, focused.name, typed, { ...subcommand(shape), channelId }),
    };
  }
  const shape = pick(shapes, random);
  const options = generateOptions(shape, world, random);
  const shown = JSON.stringify(options, (_, value: unknown) => (typeof value === 'string' && value.length > 40 ? `${value.slice(0, 40)}…` : value));
  return { label: `${member} runs /${shape.key} ${shown}`, act: () => harness.run(member, shape.name, { ...subcommand(shape), options, channelId }) };
}

function isOutcome(value: unknown): value is InteractionOutcome {
  return typeof value === 'object' && value !== null && 'callbackType' in value;
}

describe(`${interactionCount} random interactions (seed ${seed})`, () => {
  it('are each answered in time, without an error, a ping or a change from a refused one', async () => {
    const random = seededRandom(seed);
    const world: OptionWorld = {
      channelIds: [harness.channels.general.id, harness.channels.dub.id],
      roleIds: [harness.hostRole.id],
      userIds: Object.values(harness.users).map((user) => user.id),
    };
    const seen: StoredMessage[] = [];
    const outcomes: Record<Outcome, number> = { ok: 0, refused: 0, invalid: 0, error: 0 };
    const problems: string[] = [];

    for (let index = 0; index < interactionCount; index += 1) {
      const step = stepsFor(random, world, seen);
      await harness.bot.router.drain(5_000);
      const before = stateFingerprint(harness.bot.database);
      const started = performance.now();
      const { value, outcome } = await observeOutcome(harness.bot, step.act);
      const elapsed = performance.now() - started;
      outcomes[outcome] += 1;
      const where = `#${index} ${step.label}`;
      if (elapsed > answerLimitMilliseconds) problems.push(`${where}: answered after ${Math.round(elapsed)} ms`);
      if (outcome === 'error') problems.push(`${where}: the router reported an error`);
      if ((outcome === 'refused' || outcome === 'invalid') && stateFingerprint(harness.bot.database) !== before) {
        problems.push(`${where}: ${outcome}, yet the state changed`);
      }
      if (isOutcome(value)) {
        for (const message of [value.message, ...value.followUps].filter((candidate) => candidate !== undefined)) {
          seen.push(message);
          for (const problem of mentionProblems(message, world.roleIds)) problems.push(`${where}: ${problem}`);
        }
      }
    }

    expect(problems, `seed ${seed}`).toEqual([]);
    expect(unhandled, `seed ${seed}: unhandled rejections`).toEqual([]);
    // The mix really exercised refusals, validation and successes.
    expect(outcomes.ok).toBeGreaterThan(interactionCount / 4);
    expect(outcomes.refused + outcomes.invalid).toBeGreaterThan(10);
  }, 60_000);

  it('leaves the bot serving', async () => {
    const outcome = await harness.run('alice', 'help');
    expect(harness.text(outcome)).toContain('/progress');
    expect(harness.fake.unknownRoutes).toEqual([]);
  });
});

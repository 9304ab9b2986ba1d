import type { Database } from '../../src/storage/database.js';
import { ComponentType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, components } from '../../commands/index.js';
import { splitCustomId } from '../../src/discord/customId.js';
import { longEpisodeLabel } from '../../src/domain/episodeLabels.js';
import { createReminderTick } from '../../src/watchparty/reminderTick.js';
import { upcomingSessions } from '../../src/watchparty/upcomingSessions.js';
import { startTestBot } from '../support/botHarness.js';
import { clockworkOrchardPackDirectory, heroMaskPackDirectory } from '../support/packFixture.js';
import { createManualClock } from '../support/manualClock.js';
import type { ManualClock } from '../support/manualClock.js';
import { waitUntil } from '../support/waitUntil.js';
import { triviaStartLimits } from '../../src/trivia/startLimits.js';
import type { TestBot } from '../support/botHarness.js';
import type { InteractionOutcome, StoredMessage } from '../fakeDiscord/index.js';
import { createLeakFinder, forbiddenAt, neverSpoilingTexts, stampedTexts, sweepInputs } from '../support/spoilerSweep.js';
import type { StampedText } from '../support/spoilerSweep.js';
import { commandShapes } from '../../src/discord/catalog/commandCatalog.js';
import type { CommandShape } from '../../src/discord/catalog/commandCatalog.js';
import { optionVariants } from './optionGenerators.js';
import type { OptionValue } from './optionGenerators.js';
import { actorFor, createProgressWorld, currentGate, optionWorldOf, restoreWorld } from './progressWorld.js';
import type { ProgressWorld } from './progressWorld.js';
import { shownInChoices, shownInEvent, shownInMessage } from './shownText.js';
import type { Shown } from './shownText.js';

/*
 * The whole bot at every progress: every command and subcommand (read from the definitions), each
 * option varied over its edge values, choices and autocomplete suggestions; every button and menu in
 * every answer, clicked recursively; quizzes and reminders run to the end, with their buttons,
 * Discord's scheduled events, and the discussion threads progress changes opened. Everything sent is
 * checked against the compiled pack: nothing stamped after the progress that gates it (a thread: the
 * episode it is for). One server per progress, all swept at once.
 */

const minute = 60_000;
/** Values tried per option beyond the first (the generator orders edges first). */
const valuesPerOption = 2;
/** Autocomplete suggestions used as option values per option and progress, spread over the list and rotated by progress. */
const suggestionsUsed = 10;
/** Typed into every autocomplete box per progress, besides nothing: starts of pack names, rotated by progress. */
const typedPerProgress = 6;
/** Clicks per answer, recursively: enough for every page of the longest lookup. */
const clicksPerAnswer = 30;
/**
 * The commands that start timed work (a quiz, reminders): run once more after the sweep, so their
 * channel messages are produced while the sweep's own runs of /trivia stop and /watchparty cancel
 * are over. A new timed feature adds its command here.
 */
const timedWorkStarters = ['trivia start', 'watchparty schedule'];
/** Swept one after the other, both installed: Hero Mask and the made-up series of a different shape. */
const sweptSeries = [
  { id: 'hero-mask', directory: heroMaskPackDirectory },
  { id: 'clockwork-orchard', directory: clockworkOrchardPackDirectory },
];

interface Leak {
  where: string;
  text: string;
}

let harness: TestBot;
let clock: ManualClock;
let worlds: ProgressWorld[];
let findLeaksAt: Array<(shown: string) => StampedText[]>;
let typedTexts: string[];
// What one series' sweep found; cleared before the next series is swept.
const displayedLeaks: Leak[] = [];
const machineLeaks = new Set<string>();
const checkedMessages = new Map<string, string>();
const keysRun = new Set<string>();
const componentsClicked = new Set<string>();
const threadsChecked = new Set<string>();
let answersChecked = 0;

/** Trivia questions, answers and explanations, stamped like the rest of the pack. */
function questionTexts(database: Database): StampedText[] {
  const rows = database.prepare('SELECT id, prompt, answer, distractors, explanation, revealed_in AS revealedIn FROM kb.questions').all() as Array<{
    id: string;
    prompt: string;
    answer: string;
    distractors: string;
    explanation: string;
    revealedIn: number;
  }>;
  return rows.flatMap((row) =>
    [row.prompt, row.answer, row.explanation, ...(JSON.parse(row.distractors) as string[])].map((text) => ({ text, revealedIn: row.revealedIn, origin: `question ${row.id}` })),
  );
}

beforeAll(async () => {
  clock = createManualClock(new Date(Math.ceil(Date.now() / minute) * minute));
  harness = await startTestBot({ clock, packs: sweptSeries.map((series) => series.directory), environment: { REST_REQUESTS_PER_SECOND: '10000' } });
});
afterAll(async () => {
  await harness.close();
});

/** Every series is swept on its own, in servers whose parties watch it, with the other series installed beside it. */
async function prepareSweep(seriesId: string): Promise<void> {
  displayedLeaks.length = 0;
  for (const found of [machineLeaks, keysRun, componentsClicked]) found.clear();
  checkedMessages.clear();
  answersChecked = 0;
  const { database, knowledge } = harness.series(seriesId);
  const stamped = [...stampedTexts(database), ...questionTexts(database)];
  const seasons = knowledge.seasons();
  // An episode's existence and number are never spoilers: "Episode 16" as a trivia answer is also every episode list's label.
  const alwaysVisible = [...neverSpoilingTexts(database), ...Array.from({ length: knowledge.episodeCount() + 1 }, (_, episode) => longEpisodeLabel(episode, seasons))];
  const progressValues = Array.from({ length: knowledge.episodeCount() + 1 }, (_, progress) => progress);
  findLeaksAt = progressValues.map((progress) => createLeakFinder(forbiddenAt(stamped, alwaysVisible, progress)));
  const inputs = sweepInputs(database);
  typedTexts = [...inputs.shortPrefixes, ...inputs.longerPrefixes];
  worlds = await Promise.all(progressValues.map((progress) => createProgressWorld(harness.fake, progress, seriesId)));
}

function check(shown: Shown, gate: number, where: string): void {
  const findLeaks = findLeaksAt[gate];
  if (!findLeaks) throw new Error(`no leak finder for progress ${gate}`);
  answersChecked += 1;
  for (const text of shown.displayed) {
    for (const leak of findLeaks(text)) displayedLeaks.push({ where: `progress ${gate}, ${where}`, text: `"${leak.text}" (${leak.origin}, revealed in ${leak.revealedIn})` });
  }
  for (const text of shown.machine) for (const leak of findLeaks(text)) machineLeaks.add(leak.text);
}

/** Checks a message once per version: a message edited later is checked again, at the gate of that moment. */
function checkMessage(message: StoredMessage, gate: number, where: string): void {
  const version = `${message.editedAt?.getTime() ?? 0}:${message.content.length}:${JSON.stringify(message.components).length}`;
  if (checkedMessages.get(message.id) === version) return;
  checkedMessages.set(message.id, version);
  check(shownInMessage(message), gate, where);
}

interface Clickable {
  customId: string;
  values?: string[];
}

interface ComponentLike {
  type?: number;
  custom_id?: string;
  disabled?: boolean;
  options?: Array<{ value: string }>;
  components?: ComponentLike[];
}

function clickables(message: StoredMessage): Clickable[] {
  const flatten = (component: ComponentLike): ComponentLike[] => [component, ...(component.components ?? []).flatMap(flatten)];
  return (message.components as ComponentLike[]).flatMap(flatten).flatMap((component): Clickable[] => {
    if (component.custom_id === undefined || component.disabled === true) return [];
    if (component.type === ComponentType.Button) return [{ customId: component.custom_id }];
    if (component.type === ComponentType.StringSelect) return (component.options ?? []).map((option) => ({ customId: component.custom_id!, values: [option.value] }));
    return [];
  });
}

/**
 * Clicks every button and menu option in an answer, depth first, each as the least trusted member
 * allowed. Messages are live: after a click updates one, its new buttons are read afresh.
 */
async function followAnswer(world: ProgressWorld, outcome: InteractionOutcome, where: string, budget = { clicks: clicksPerAnswer }, clicked = new Set<string>()): Promise<void> {
  for (const message of [outcome.message, ...outcome.followUps]) {
    if (!message) continue;
    const keyOf = (target: Clickable) => `${message.id}|${target.customId}|${target.values?.join(',') ?? ''}`;
    const nextTarget = () => (budget.clicks > 0 ? clickables(message).find((candidate) => !clicked.has(keyOf(candidate))) : undefined);
    for (let target = nextTarget(); target; target = nextTarget()) {
      clicked.add(keyOf(target));
      budget.clicks -= 1;
      const name = splitCustomId(target.customId).name;
      componentsClicked.add(name);
      const actor = actorFor(world, `button:${name}`);
      const scene = { guildId: world.guildId, channelId: message.channelId, userId: actor, messageId: message.id, customId: target.customId };
      const next = target.values ? await harness.fake.selectMenu({ ...scene, values: target.values }) : await harness.fake.clickButton(scene);
      await settle(world, actor, next, `${where} → ${target.customId}`);
      await followAnswer(world, next, `${where} → ${target.customId}`, budget, clicked);
    }
  }
}

/** Checks an answer at the gate it was given at, then puts the world back the way the sweep needs it. */
async function settle(world: ProgressWorld, actor: string, outcome: InteractionOutcome, where: string): Promise<void> {
  await harness.bot.router.drain(5_000);
  const gate = await currentGate(harness.bot.context, world, actor);
  for (const message of [outcome.message, ...outcome.followUps]) if (message) checkMessage(message, gate, where);
  await restoreWorld(harness.bot.context, world);
}

function shapeInput(shape: CommandShape, options: Record<string, OptionValue>) {
  return { name: shape.name, ...(shape.subcommand ? { subcommand: shape.subcommand } : {}), options };
}

/** An even spread of `count` items, starting at an offset that moves with the progress. */
function spread<T>(items: readonly T[], count: number, progress: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, index) => items[Math.floor(index * step + progress) % items.length] as T);
}

async function runShape(world: ProgressWorld, shape: CommandShape, options: Record<string, OptionValue>): Promise<InteractionOutcome> {
  const actor = actorFor(world, shape.key);
  const where = `/${shape.key} ${JSON.stringify(options).slice(0, 120)}`;
  const outcome = await harness.fake.sendCommand({ guildId: world.guildId, channelId: world.channelId, userId: actor, ...shapeInput(shape, options) });
  keysRun.add(shape.key);
  await settle(world, actor, outcome, where);
  await followAnswer(world, outcome, where);
  return outcome;
}

/** Every autocomplete box of a command: what it suggests for nothing and for pack names being typed; the suggestions become option values. */
async function suggestions(world: ProgressWorld, shape: CommandShape): Promise<Array<Record<string, OptionValue>>> {
  const actor = actorFor(world, shape.key);
  const variants: Array<Record<string, OptionValue>> = [];
  const [first = {}] = optionVariants(shape, optionWorldOf(world), 1);
  for (const option of shape.options.filter((candidate) => candidate.autocomplete)) {
    for (const typed of ['', ...spread(typedTexts, typedPerProgress, world.progress)]) {
      const choices = await harness.fake.sendAutocomplete({
        guildId: world.guildId,
        channelId: world.channelId,
        userId: actor,
        ...shapeInput(shape, { ...first, [option.name]: typed }),
        focused: option.name,
      });
      check(shownInChoices(choices), await currentGate(harness.bot.context, world, actor), `/${shape.key} ${option.name} autocomplete "${typed}"`);
      if (typed === '') {
        for (const choice of spread(choices, suggestionsUsed, world.progress)) variants.push({ ...first, [option.name]: choice.value });
      }
    }
  }
  return variants;
}

async function sweepCommands(world: ProgressWorld): Promise<void> {
  for (const shape of commandShapes(commands)) {
    const variants = [...optionVariants(shape, optionWorldOf(world), valuesPerOption), ...(await suggestions(world, shape))];
    for (const options of variants) await runShape(world, shape, options);
  }
}

/**
 * The episode a discussion thread is for, by its id (its starter message has the same id); undefined for anything
 * else. A thread opens as its party finishes that episode, so it is checked at that episode, however far the sweep
 * moved the party since.
 */
async function threadEpisode(id: string): Promise<number | undefined> {
  return harness.bot.database.value<number>(`SELECT episode FROM discussion_threads WHERE thread_id = ? AND state = 'opened'`, [id]);
}

/** Discussion threads: each name, starter message and message inside, at the episode the thread is for. */
async function checkThreads(world: ProgressWorld, where: string): Promise<void> {
  for (const thread of harness.fake.threads({ guildId: world.guildId })) {
    const episode = await threadEpisode(thread.id);
    if (episode === undefined) throw new Error(`${where}: thread ${thread.name} has no opened row in the ledger`);
    threadsChecked.add(thread.id);
    check({ displayed: [thread.name], machine: [] }, episode, `${where}: thread name`);
    for (const message of harness.fake.channelMessages(thread.id)) checkMessage(message, episode, `${where}: message in thread ${thread.name}`);
  }
}

/** Channel messages (reminders, quiz questions, reveals, thread starters) and scheduled events, checked at the world's progress; their buttons clicked. */
async function checkPosted(world: ProgressWorld, where: string): Promise<void> {
  for (const channelId of [world.channelId, world.spareChannelId]) {
    for (const message of harness.fake.channelMessages(channelId)) {
      const before = checkedMessages.get(message.id);
      checkMessage(message, (await threadEpisode(message.id)) ?? world.progress, `${where}: message in #${channelId === world.channelId ? 'watch' : 'spare'}`);
      if (before === undefined) await followAnswer(world, { message, followUps: [] } as unknown as InteractionOutcome, `${where}: posted message`);
    }
  }
  for (const event of harness.fake.scheduledEvents(world.guildId)) check(shownInEvent(event), world.progress, `${where}: scheduled event`);
  await checkThreads(world, where);
}

/** Starts each timed feature once more in every world, with the first option set its command accepts. */
async function startTimedWork(world: ProgressWorld): Promise<void> {
  for (const key of timedWorkStarters) {
    const shape = commandShapes(commands).find((candidate) => candidate.key === key);
    if (!shape) throw new Error(`no command /${key} to start timed work with`);
    for (const options of optionVariants(shape, optionWorldOf(world), valuesPerOption)) {
      const outcome = await runShape(world, shape, options);
      if (!outcome.ephemeral) break;
    }
  }
}

async function runQuizzes(): Promise<void> {
  const { quizzes } = harness.bot.context;
  const running = async () => {
    const stillRunning: ProgressWorld[] = [];
    for (const world of worlds) if ((await quizzes.runningInChannel(world.channelId)) !== null) stillRunning.push(world);
    return stillRunning;
  };
  // Each round the quiz job ticks once, then the clock moves past the question's deadline.
  for (let round = 0; round < 20 && (await running()).length > 0; round += 1) {
    await clock.runTicks();
    for (const world of worlds) await checkPosted(world, 'quiz');
    clock.jumpTo(new Date(clock.now().getTime() + 30_000));
  }
  expect((await running()).map((world) => world.progress)).toEqual([]);
}

async function runReminders(): Promise<void> {
  const { context } = harness.bot;
  const tick = createReminderTick({ client: harness.bot.client, context });
  const instants = new Set<number>();
  for (const world of worlds) {
    for (const schedule of await context.schedules.listOpen(world.guildId)) {
      for (const session of upcomingSessions(schedule, clock.now(), 1)) {
        for (const lead of schedule.leadMinutes) instants.add(session.start.getTime() - lead * minute);
      }
    }
  }
  const unfinished = async () =>
    Number(
      await harness.bot.database.value(
        `SELECT (SELECT COUNT(*) FROM reminder_deliveries WHERE state = 'claimed') + (SELECT COUNT(*) FROM schedule_events WHERE state = 'pending')`,
      ),
    );
  for (const instant of [...instants].filter((time) => time > clock.now().getTime()).sort((left, right) => left - right)) {
    clock.jumpTo(new Date(instant));
    await tick(clock.now());
    await waitUntil(async () => (await unfinished()) === 0, 'reminders and events to finish');
    for (const world of worlds) await checkPosted(world, `reminders at ${clock.now().toISOString()}`);
  }
}

describe.each(sweptSeries)('the whole bot on $id, at every progress', ({ id }) => {
  beforeAll(() => prepareSweep(id));

  it('sends nothing stamped after the progress that gates it', async () => {
    await Promise.all(worlds.map((world) => sweepCommands(world)));
    // The sweep itself started and stopped quizzes: past the starters' cooldown, the quizzes below start for real.
    clock.jumpTo(new Date(clock.now().getTime() + triviaStartLimits.cooldownMilliseconds));
    await Promise.all(worlds.map((world) => startTimedWork(world)));
    await runQuizzes();
    await runReminders();
    for (const world of worlds) await checkPosted(world, 'at the end');

    expect(displayedLeaks).toEqual([]);
    // Custom ids and autocomplete values reach the client too (the pack compiler keeps later names out of entity ids).
    expect([...machineLeaks]).toEqual([]);
    // The check itself sees a later name where there is one.
    const latestName = harness.series(id).database.prepare('SELECT name FROM kb.entity_names ORDER BY revealed_in DESC LIMIT 1').pluck().get() as string;
    expect(findLeaksAt[0]?.(`Meet ${latestName}`)).not.toEqual([]);

    // Not vacuous: every command and subcommand ran in every world, every button kind was clicked, reminders went out.
    expect([...keysRun].sort()).toEqual(commandShapes(commands).map((shape) => shape.key).sort());
    expect([...componentsClicked].sort()).toEqual(components.map((component) => component.name).sort());
    expect(answersChecked).toBeGreaterThan(200 * worlds.length);
    for (const world of worlds) expect(harness.fake.scheduledEvents(world.guildId).length).toBeGreaterThan(0);
    // Every world past episode 0 reached it by /progress set, which opened threads for its last episodes.
    for (const world of worlds.filter((candidate) => candidate.progress > 0)) {
      expect(harness.fake.threads({ guildId: world.guildId }).filter((thread) => threadsChecked.has(thread.id)).length).toBeGreaterThan(0);
    }
  }, 120_000);
});

import { existsSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld } from '../support/botHarness.js';
import type { TestWorld } from '../support/botHarness.js';
import type { FakeChannel, FakeUser, InteractionOutcome, StoredMessage } from '../fakeDiscord/index.js';
import { renderedText } from '../support/renderedText.js';
import { burstThenKill, interleave } from './acknowledgedWrites.js';
import type { Acknowledged, Write } from './acknowledgedWrites.js';
import { botFiles, spawnBot } from '../support/botProcess.js';
import type { BotProcess } from '../support/botProcess.js';

/*
 * The bot runs as `npm start` does and is killed with SIGKILL in the middle of a burst of writes of every kind
 * (party progress, personal progress, new parties, quiz answers, schedules), twice. Each time it starts again
 * on the same database, which must be intact and hold every change whose answer had reached Discord.
 */

const rounds = 2;
const partyNames = ['Dub crew', 'Sub crew', 'Night owls'];

let world: TestWorld;
let bot: BotProcess;
let partyChannels: FakeChannel[];
let quizQuestion: StoredMessage;

function send(user: FakeUser, name: string, subcommand: string, options: Record<string, string | number> = {}, channel = world.channels.general) {
  return world.fake.sendCommand({ guildId: world.guild.id, channelId: channel.id, userId: user.id, name, subcommand, options, timeoutMs: 4_000 });
}

/** The episode an answer says a party has finished ("has not finished an episode yet" is 0). */
function episodeIn(answer: string): number {
  if (answer.includes('has not finished an episode yet')) return 0;
  const episode = /episode (\d+)\*\*/.exec(answer)?.[1];
  if (episode === undefined) throw new Error(`no episode in the answer: ${answer}`);
  return Number(episode);
}

function partyIdOf(database: Database, channelId: string | null): number | undefined {
  const query = channelId === null ? 'SELECT id FROM parties WHERE guild_id = ? AND channel_id IS NULL' : 'SELECT id FROM parties WHERE guild_id = ? AND channel_id = ?';
  return database.prepare(query).pluck().get(...[world.guild.id, channelId].filter((value) => value !== null)) as number | undefined;
}

function progressChange(channel: FakeChannel, isDefaultParty: boolean, write: () => Promise<InteractionOutcome>, label: string): Write {
  return {
    label,
    send: write,
    findLoss(database, answer) {
      if (!answer.includes('Progress saved.')) return undefined;
      const partyId = partyIdOf(database, isDefaultParty ? null : channel.id);
      const found = database
        .prepare('SELECT COUNT(*) FROM progress_changes WHERE party_id = ? AND episode = ? AND changed_by = ? AND undone_at IS NULL')
        .pluck()
        .get(partyId, episodeIn(answer), world.users.admin.id);
      return found === 0 ? `no progress change to episode ${episodeIn(answer)} in #${channel.name}` : undefined;
    },
  };
}

/** Whether the member's answer to the quiz's first question is kept: still in the open question's state, or scored. */
function hasLockedAnswer(database: Database, userId: string): boolean {
  const quiz = database.prepare('SELECT id, state FROM trivia_quizzes WHERE channel_id = ?').get(world.channels.dub.id) as { id: string; state: string };
  const state = JSON.parse(quiz.state) as { currentQuestionIndex: number; currentAnswers: Array<{ userId: string }> };
  if (state.currentQuestionIndex === 0 && state.currentAnswers.some((answer) => answer.userId === userId)) return true;
  return database.prepare('SELECT COUNT(*) FROM trivia_answers WHERE quiz_id = ? AND position = 0 AND user_id = ?').pluck().get(quiz.id, userId) === 1;
}

/** One round's writes; every member and channel is new to the round, so each answer names a change of its own. */
function writesForRound(round: number): Write[] {
  const { fake, guild, users } = world;
  const member = (role: string, index: number) => fake.addMember(guild.id, { username: `${role}-${round}-${index}` });
  const nexts = partyChannels.flatMap((channel) =>
    Array.from({ length: 4 }, (): Write => progressChange(channel, false, () => send(users.admin, 'progress', 'next', {}, channel), `next in #${channel.name}`)),
  );
  const sets = Array.from({ length: 6 }, (_, index): Write => {
    const episode = 1 + ((round * 6 + index) % 24);
    return progressChange(world.channels.general, true, () => send(users.admin, 'progress', 'set', { episode }), `set ${episode}`);
  });
  const personal = Array.from({ length: 12 }, (_, index): Write => {
    const viewer = member('viewer', index);
    const episode = index % 24;
    return {
      label: `mine ${episode} by ${viewer.username}`,
      send: () => send(viewer, 'progress', 'mine', { episode }),
      findLoss(database) {
        const saved = database.prepare('SELECT episode FROM member_progress WHERE guild_id = ? AND user_id = ?').pluck().get(guild.id, viewer.id);
        return saved === episode ? undefined : `${viewer.username}'s own progress is ${String(saved)}, not ${episode}`;
      },
    };
  });
  const parties = Array.from({ length: 4 }, (_, index): Write => {
    const name = `Round ${round} party ${index}`;
    const channel = fake.addChannel(guild.id, { name: `room-${round}-${index}` });
    return {
      label: `create ${name}`,
      send: () => send(users.admin, 'party', 'create', { name, channel: channel.id }),
      findLoss: (database) => (partyIdOf(database, channel.id) === undefined ? `no party in #${channel.name}` : undefined),
    };
  });
  const answers = Array.from({ length: 12 }, (_, index): Write => {
    const player = member('player', index);
    const buttons = (quizQuestion.components as Array<{ components: Array<{ custom_id: string }> }>).flatMap((row) => row.components);
    const customId = buttons[index % buttons.length]?.custom_id ?? '';
    return {
      label: `answer by ${player.username}`,
      send: () => fake.clickButton({ guildId: guild.id, channelId: world.channels.dub.id, userId: player.id, messageId: quizQuestion.id, customId, timeoutMs: 4_000 }),
      findLoss: (database, answer) => (answer.includes('Locked in') && !hasLockedAnswer(database, player.id) ? `${player.username}'s answer is lost` : undefined),
    };
  });
  const schedules = Array.from({ length: 3 }, (_, index): Write => {
    const title = `Round ${round} session ${index}`;
    const start = new Date(Date.now() + (2 + index) * 24 * 3_600_000).toISOString();
    return {
      label: `schedule ${title}`,
      send: () => send(users.admin, 'watchparty', 'schedule', { start, timezone: 'UTC', title }),
      findLoss(database, answer) {
        const id = /\(id (\d+)\)/.exec(answer)?.[1];
        if (id === undefined) return undefined;
        const saved = database.prepare('SELECT title FROM schedules WHERE id = ?').pluck().get(Number(id));
        return saved === title ? undefined : `schedule ${id} (${title}) is lost`;
      },
    };
  });
  return interleave([nexts, personal, answers, sets, parties, schedules]);
}

function lossesIn(database: Database, acknowledged: Acknowledged[]): string[] {
  return acknowledged.flatMap(({ write, answer }) => write.findLoss(database, answer) ?? []);
}

function integrityReport(database: Database) {
  return {
    integrity: database.prepare('PRAGMA integrity_check').pluck().all(),
    foreignKeyProblems: database.prepare('PRAGMA foreign_key_check').all(),
  };
}

function withDatabase<Result>(use: (database: Database) => Result): Result {
  const database = new BetterSqlite3(botFiles(world.folder).database, { fileMustExist: true });
  try {
    return use(database);
  } finally {
    database.close();
  }
}

async function startBot(): Promise<void> {
  bot = spawnBot({ apiBase: world.fake.apiBase, folder: world.folder });
  await bot.ready();
}

beforeAll(async () => {
  world = await createWorld(undefined);
  await startBot();
  partyChannels = partyNames.map((name) => world.fake.addChannel(world.guild.id, { name: name.toLowerCase().replace(' ', '-') }));
  for (const [index, channel] of partyChannels.entries()) {
    await send(world.users.admin, 'party', 'create', { name: partyNames[index] ?? '', channel: channel.id });
  }
  await send(world.users.alice, 'trivia', 'start', { questions: 1, seconds: 120 }, world.channels.dub);
  quizQuestion = await world.fake.waitForMessage(world.channels.dub.id, (message) => renderedText(message).includes('Question 1 of 1'));
});

afterAll(async () => {
  if (bot.child.exitCode === null && bot.child.signalCode === null) await bot.stop('SIGKILL');
  await world.fake.close();
  rmSync(world.folder, { recursive: true, force: true });
});

describe('the bot killed with SIGKILL during bursts of writes', () => {
  it('restarts on an intact database that holds every change it acknowledged', async () => {
    const acknowledged: Acknowledged[] = [];
    for (let round = 0; round < rounds; round++) {
      const writes = writesForRound(round);
      const burst = await burstThenKill(writes, { spacingMilliseconds: 0, killAfter: 20, kill: () => bot.child.kill('SIGKILL') });
      expect(await bot.exited).toMatchObject({ signal: 'SIGKILL' });
      // Killed mid-burst: some writes answered, others sent and never answered.
      expect(burst.acknowledged.length).toBeGreaterThanOrEqual(20);
      expect(burst.sent).toBeGreaterThan(burst.acknowledged.length);
      acknowledged.push(...burst.acknowledged);
      // Not closed: the changes since the last checkpoint are only in the write-ahead log.
      expect(existsSync(`${botFiles(world.folder).database}-wal`)).toBe(true);
      await startBot();
    }

    withDatabase((database) => {
      expect(integrityReport(database)).toEqual({ integrity: ['ok'], foreignKeyProblems: [] });
      expect(lossesIn(database, acknowledged)).toEqual([]);
    });
    for (const channel of partyChannels) {
      const promised = acknowledged.filter(({ write, answer }) => write.label === `next in #${channel.name}` && answer.includes('Progress saved.'));
      const shown = renderedText((await send(world.users.bob, 'progress', 'show', {}, channel)).message);
      expect(episodeIn(shown)).toBeGreaterThanOrEqual(Math.max(0, ...promised.map(({ answer }) => episodeIn(answer))));
    }

    expect(await bot.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    withDatabase((database) => expect(integrityReport(database)).toEqual({ integrity: ['ok'], foreignKeyProblems: [] }));
  }, 30_000);
});

import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../../test/support/botHarness.js';
import { createManualClock } from '../../test/support/manualClock.js';
import type { TestBot } from '../../test/support/botHarness.js';
import type { FakeChannel, FakeUser, InteractionOutcome, StoredMessage } from '../../test/fakeDiscord/index.js';
import { quizRetentionMilliseconds, triviaStartLimits } from './startLimits.js';

/*
 * /trivia start is open to everyone, so it has limits: members start quizzes only where they can chat, one running
 * quiz per starter and a few per server, a cooldown between starts; and old quizzes are pruned while the leaderboard
 * and stats keep what they show. The clock is injected, and the bot's own quiz job ticks when the test says.
 */

const clock = createManualClock(new Date('2026-03-01T20:00:00.000Z'));
const advance = (milliseconds: number) => clock.jumpTo(new Date(clock.now().getTime() + milliseconds));

let harness: TestBot;
const channels: FakeChannel[] = [];
let readOnly: FakeChannel;
const members: FakeUser[] = [];

beforeAll(async () => {
  harness = await startTestBot({ clock });
  const { fake, guild } = harness;
  for (const name of ['quiz-1', 'quiz-2', 'quiz-3', 'quiz-4']) channels.push(fake.addChannel(guild.id, { name }));
  readOnly = fake.addChannel(guild.id, { name: 'rules', overwrites: [{ id: guild.id, type: 'role', allow: 0n, deny: PermissionFlagsBits.SendMessages }] });
  for (const username of ['quinn', 'rory', 'sasha', 'tess']) members.push(fake.addMember(guild.id, { username }));
});
afterAll(async () => {
  await harness.close();
});

function start(member: FakeUser, channel: FakeChannel, options: Record<string, number> = { questions: 1, seconds: 60 }): Promise<InteractionOutcome> {
  return harness.fake.sendCommand({ guildId: harness.guild.id, channelId: channel.id, userId: member.id, name: 'trivia', subcommand: 'start', options });
}

function stop(member: FakeUser, channel: FakeChannel): Promise<InteractionOutcome> {
  return harness.fake.sendCommand({ guildId: harness.guild.id, channelId: channel.id, userId: member.id, name: 'trivia', subcommand: 'stop' });
}

const runningIn = async (channel: FakeChannel) => await harness.bot.context.quizzes.runningInChannel(channel.id);

function expectRefused(outcome: InteractionOutcome, text: string): void {
  expect(outcome.ephemeral).toBe(true);
  expect(harness.text(outcome)).toContain(text);
}

describe('starting a quiz', () => {
  it('needs the starter to be able to send messages in the channel', async () => {
    expectRefused(await start(members[0]!, readOnly), 'You can’t send messages in this channel, so you can’t start a quiz here.');
    expect(await runningIn(readOnly)).toBeNull();
  });

  it('allows one running quiz per starter in the server', async () => {
    expect(harness.text(await start(members[0]!, channels[0]!))).toContain('started a quiz');

    expectRefused(await start(members[0]!, channels[1]!), 'You already have a quiz running in this server.');
    expect(await runningIn(channels[1]!)).toBeNull();
  });

  it(`allows ${triviaStartLimits.runningPerServer} running quizzes per server`, async () => {
    expect(harness.text(await start(members[1]!, channels[1]!))).toContain('started a quiz');
    expect(harness.text(await start(members[2]!, channels[2]!))).toContain('started a quiz');

    expectRefused(await start(members[3]!, channels[3]!), `This server already has ${triviaStartLimits.runningPerServer} quizzes running`);
    expect(await runningIn(channels[3]!)).toBeNull();
  });

  it('makes a starter wait a minute between starts, even after stopping their quiz', async () => {
    expect(harness.text(await stop(members[0]!, channels[0]!))).toContain('stopped the quiz');
    advance(20_000);

    expectRefused(await start(members[0]!, channels[0]!), 'You can start another in 40 seconds.');
    expect(await runningIn(channels[0]!)).toBeNull();

    advance(40_000);
    expect(harness.text(await start(members[0]!, channels[0]!))).toContain('started a quiz');
  });
});

describe('old quizzes', () => {
  const answerButtons = (message: StoredMessage) =>
    (message.components as Array<{ components: Array<{ custom_id: string }> }>).flatMap((row) => row.components.map((button) => button.custom_id));

  it(`are deleted ${quizRetentionMilliseconds / 86_400_000} days after they end; the leaderboard and stats keep their points and answers`, async () => {
    for (const [index, channel] of channels.slice(0, 3).entries()) await stop(members[index]!, channel);
    advance(triviaStartLimits.cooldownMilliseconds);
    const player = members[3]!;
    const channel = channels[3]!;
    await start(player, channel, { questions: 1, seconds: 10 });
    const quiz = (await runningIn(channel))!;
    const isQuestion = (message: StoredMessage) => answerButtons(message).some((id) => id.startsWith('trivia-answer:'));
    await clock.ticksUntil('asking the question', () => harness.fake.channelMessages(channel.id).some(isQuestion));
    const question = harness.fake.channelMessages(channel.id).find(isQuestion)!;
    const right = answerButtons(question)[quiz.state.questions[0]!.correctIndex]!;
    await harness.fake.clickButton({ guildId: harness.guild.id, channelId: channel.id, userId: player.id, messageId: question.id, customId: right });
    advance(11_000);
    const settled = async () => Number(await harness.bot.database.value('SELECT COUNT(*) FROM trivia_quizzes WHERE id = ? AND settled_at IS NOT NULL', [quiz.quizId])) === 1;
    await clock.ticksUntil('settling the quiz', settled);
    const leaderboardBefore = harness.text(await harness.run('alice', 'trivia', { subcommand: 'leaderboard' }));
    expect(leaderboardBefore).toContain(`<@${player.id}>`);

    advance(quizRetentionMilliseconds + 60 * 60_000);

    const quizRows = async () => Number(await harness.bot.database.value('SELECT COUNT(*) FROM trivia_quizzes WHERE id = ?', [quiz.quizId]));
    await clock.ticksUntil('pruning the quiz', async () => (await quizRows()) === 0);
    expect(Number(await harness.bot.database.value('SELECT COUNT(*) FROM trivia_quiz_questions WHERE quiz_id = ?', [quiz.quizId]))).toBe(0);
    expect(harness.text(await harness.run('alice', 'trivia', { subcommand: 'leaderboard' }))).toBe(leaderboardBefore);
    const stats = await harness.fake.sendCommand({ guildId: harness.guild.id, channelId: channel.id, userId: player.id, name: 'trivia', subcommand: 'stats' });
    expect(harness.text(stats)).toContain('**1** answered, **1** correct (100%)');
  });
});

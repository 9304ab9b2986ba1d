import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../discord/reply.js';
import { answer, startQuiz, stopQuiz } from '../domain/trivia/index.js';
import { askedQuestion } from '../../test/support/quizFixtures.js';
import { openSqliteStateDatabase } from '../storage/database.js';
import type { SqlDatabase } from '../storage/database.js';
import { createQuizRepository } from '../storage/quizRepository.js';
import type { QuizRepository } from '../storage/quizRepository.js';
import { ChannelUnavailableError, MessageGoneError } from './channelPublisher.js';
import type { ChannelPublisher } from './channelPublisher.js';
import { createQuizRunner, pauseBetweenQuestionsMs } from './quizRunner.js';
import type { QuizRunner } from './quizRunner.js';

interface PostedMessage {
  id: string;
  channelId: string;
  reply: Reply;
  edits: number;
}

/**
 * A channel that keeps what the runner posted; `failures` are thrown, one per call, before anything
 * else; while `slowEdits` is set, edits wait for it (Discord being slow).
 */
function recordingPublisher() {
  const messages: PostedMessage[] = [];
  const failures: Error[] = [];
  const slow: { edits: Promise<void> | undefined } = { edits: undefined };
  const publisher: ChannelPublisher = {
    async post(channelId, reply) {
      const failure = failures.shift();
      if (failure) throw failure;
      const message = { id: `m${messages.length + 1}`, channelId, reply, edits: 0 };
      messages.push(message);
      return message.id;
    },
    async edit(channelId, messageId, reply) {
      await slow.edits;
      const failure = failures.shift();
      if (failure) throw failure;
      const message = messages.find((candidate) => candidate.id === messageId && candidate.channelId === channelId);
      if (!message) throw new MessageGoneError(messageId);
      message.reply = reply;
      message.edits += 1;
    },
  };
  return { publisher, messages, failures, slow };
}

function textOf(message: PostedMessage | undefined): string {
  const embeds = message?.reply.embeds ?? [];
  return embeds.flatMap((embed) => [embed.title, embed.description, ...(embed.fields ?? []).map((field) => field.value)]).join('\n');
}

function buttonLabels(message: PostedMessage | undefined): string[] {
  return (message?.reply.components ?? []).flatMap((row) => row.components.map((button) => ('label' in button ? (button.label ?? '') : '')));
}

const seasons = [{ number: 1, episodeCount: 15, firstAbsolute: 1 }];
const start = new Date('2026-03-01T20:00:00.000Z');
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);

let folder: string;
let database: SqlDatabase;
let quizzes: QuizRepository;
let channel: ReturnType<typeof recordingPublisher>;
let owned: boolean;
let partyProgress: number;
let runner: QuizRunner;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-runner-'));
  database = openSqliteStateDatabase(join(folder, 'state.sqlite'));
  quizzes = createQuizRepository(database, () => start);
  channel = recordingPublisher();
  owned = true;
  partyProgress = 4;
  runner = newRunner();
});
afterEach(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

function newRunner(): QuizRunner {
  return createQuizRunner({
    quizzes,
    seasons: () => seasons,
    publisher: channel.publisher,
    logger: pino({ level: 'silent' }),
    ownsGuild: () => owned,
    partyWatching: () => Promise.resolve({ seriesId: 'hero-mask', episode: partyProgress }),
  });
}

/** Question n is answered by option n % 4; 20 seconds a question. */
async function createQuiz(questionCount: number, quizId = 'quiz-1', channelId = 'channel-1'): Promise<string> {
  const state = startQuiz({
    quizId,
    channelId,
    starterId: 'starter',
    questions: Array.from({ length: questionCount }, (_, index) => askedQuestion(`q${index}`, (index % 4) as 0 | 1 | 2 | 3)),
    secondsPerQuestion: 20,
    now: start,
  });
  return (await quizzes.create({ guildId: 'guild-1', progress: 4, seriesId: 'hero-mask', state })).quizId;
}

async function click(userId: string, optionIndex: number, second: number, quizId = 'quiz-1'): Promise<void> {
  const { state } = (await quizzes.byId(quizId))!;
  const result = answer(state, { userId, optionIndex, now: after(second) });
  expect(result.outcome).toBe('locked');
  await quizzes.save(quizId, result.state);
}

describe('quiz runner: one question after another', () => {
  it('posts the first question with a countdown and four buttons, and nothing about answers', async () => {
    await createQuiz(2);
    await runner.tick(start);
    expect(channel.messages).toHaveLength(1);
    const [question] = channel.messages;
    expect(textOf(question)).toContain('Question 1 of 2');
    expect(textOf(question)).toContain('Prompt q0');
    expect(textOf(question)).toContain(`<t:${Math.floor(after(20).getTime() / 1000)}:R>`);
    expect(textOf(question)).toContain('Nobody has answered yet.');
    expect(buttonLabels(question)).toEqual(['A', 'B', 'C', 'D']);
    expect(question?.reply.embeds?.[0]?.footer?.text).toContain('Safe up to S1E4');
  });

  it('edits the count when it changes, never naming who chose what', async () => {
    await createQuiz(2);
    await runner.tick(start);
    await click('ann', 0, 2);
    await click('bob', 3, 3);
    await runner.tick(after(3));
    await runner.tick(after(4));
    const [question] = channel.messages;
    expect(question?.edits).toBe(1);
    expect(textOf(question)).toContain('2 members have answered.');
    expect(textOf(question)).not.toMatch(/ann|bob/);
  });

  it('reveals at time up on the same message, then waits a moment before the next question', async () => {
    await createQuiz(2);
    await runner.tick(start);
    await click('ann', 0, 5);
    await click('bob', 2, 6);
    await runner.tick(after(19.9));
    expect(textOf(channel.messages[0])).not.toContain('time is up');
    await runner.tick(after(20));
    const reveal = textOf(channel.messages[0]);
    expect(reveal).toContain('Question 1 of 2: time is up');
    expect(reveal).toContain('✅ **A**');
    expect(reveal).toContain('Explanation q0');
    expect(reveal).toContain('Right: <@ann> (+138)');
    expect(reveal).toContain('🥇 <@ann>: 138 points');
    expect(channel.messages).toHaveLength(1);
    await runner.tick(after(20 + pauseBetweenQuestionsMs / 1000 - 1));
    expect(channel.messages).toHaveLength(1);
    await runner.tick(after(20 + pauseBetweenQuestionsMs / 1000));
    expect(channel.messages).toHaveLength(2);
    expect(textOf(channel.messages[1])).toContain('Question 2 of 2');
  });

  it('ends before the next question when a host moved the party back below the quiz (its questions could spoil)', async () => {
    await createQuiz(3);
    await runner.tick(start);
    await click('ann', 0, 5);
    await runner.tick(after(20));
    partyProgress = 3;
    await runner.tick(after(20 + pauseBetweenQuestionsMs / 1000));
    expect(channel.messages).toHaveLength(2);
    expect(textOf(channel.messages[1])).toContain('progress was moved back');
    expect(textOf(channel.messages[1])).not.toContain('Question 2');
    expect((await quizzes.byId('quiz-1'))?.endReason).toBe('progress-lowered');
  });

  it('carries on when the party moved on meanwhile', async () => {
    await createQuiz(2);
    await runner.tick(start);
    await runner.tick(after(20));
    partyProgress = 5;
    await runner.tick(after(20 + pauseBetweenQuestionsMs / 1000));
    expect(textOf(channel.messages[1])).toContain('Question 2 of 2');
  });

  it('closes early once everyone who joined has answered', async () => {
    await createQuiz(3);
    await runner.tick(start);
    await click('ann', 0, 1);
    await click('bob', 0, 2);
    await runner.tick(after(20));
    await runner.tick(after(25));
    await click('bob', 1, 26);
    await runner.tick(after(27));
    expect(textOf(channel.messages[1])).not.toContain('time is up');
    await click('ann', 3, 28);
    await runner.tick(after(29));
    expect(textOf(channel.messages[1])).toContain('Question 2 of 3: time is up');
    expect(textOf(channel.messages[1])).toContain('Right: <@bob>');
  });

  it('posts the final standings after the last reveal, then leaves the quiz alone', async () => {
    await createQuiz(1);
    await runner.tick(start);
    await click('ann', 0, 10);
    await runner.tick(after(20));
    expect(channel.messages).toHaveLength(2);
    expect(textOf(channel.messages[1])).toContain('Trivia: final standings');
    expect(textOf(channel.messages[1])).toContain('🥇 <@ann>: 125 points (1 correct, best streak 1)');
    expect(await quizzes.unsettled()).toEqual([]);
    await runner.tick(after(60));
    expect(channel.messages).toHaveLength(2);
    expect(channel.messages.map((message) => message.edits)).toEqual([1, 0]);
  });

  it('says so when nobody answered', async () => {
    await createQuiz(1);
    await runner.tick(start);
    await runner.tick(after(20));
    expect(textOf(channel.messages[0])).toContain('Nobody answered this one.');
    expect(textOf(channel.messages[1])).toContain('Nobody answered, so there are no scores this time.');
  });

  it('marks the open question as ended after a stop, without a second announcement', async () => {
    await createQuiz(3);
    await runner.tick(start);
    await quizzes.save('quiz-1', stopQuiz((await quizzes.byId('quiz-1'))!.state, after(5)).state, { endReason: 'stopped' });
    await quizzes.markEndAnnounced('quiz-1');
    await runner.tick(after(6));
    expect(channel.messages).toHaveLength(1);
    expect(textOf(channel.messages[0])).toContain('The quiz ended before time was up');
    expect(await quizzes.unsettled()).toEqual([]);
  });
});

describe('quiz runner: restarts and failures', () => {
  it('carries on a question that still has time after a restart, keeping its answers', async () => {
    await createQuiz(2);
    await runner.tick(start);
    await click('ann', 0, 3);
    runner = newRunner();
    await runner.resume(after(8));
    await runner.tick(after(8));
    expect((await quizzes.byId('quiz-1'))?.state.phase).toBe('question-open');
    await runner.tick(after(20));
    expect(textOf(channel.messages[0])).toContain('Right: <@ann>');
  });

  it('closes a question that ran out while the bot was down, then goes on', async () => {
    await createQuiz(2);
    await runner.tick(start);
    runner = newRunner();
    await runner.resume(after(90));
    await runner.tick(after(90));
    expect(textOf(channel.messages[0])).toContain('time is up');
    await runner.tick(after(95));
    expect(textOf(channel.messages[1])).toContain('Question 2 of 2');
  });

  it('ends a quiz idle too long, and says why', async () => {
    await createQuiz(2);
    await runner.tick(start);
    await click('ann', 0, 3);
    runner = newRunner();
    await runner.resume(after(20 + 11 * 60));
    expect(await quizzes.byId('quiz-1')).toMatchObject({ endReason: 'abandoned' });
    await runner.tick(after(20 + 11 * 60));
    expect(textOf(channel.messages[0])).toContain('The quiz ended before time was up');
    expect(textOf(channel.messages[1])).toContain('offline for too long');
    expect(await quizzes.unsettled()).toEqual([]);
  });

  it('counts an answer locked while another quiz of the same tick waits on Discord', async () => {
    await createQuiz(2, 'quiz-1', 'channel-1');
    await createQuiz(2, 'quiz-2', 'channel-2');
    await runner.tick(start);
    let release = () => {};
    channel.slow.edits = new Promise((resolve) => {
      release = resolve;
    });
    const tick = runner.tick(after(20));
    // The tick is stuck revealing quiz-1's question; ann's click on quiz-2 landed just before its time up.
    await new Promise((resolve) => setImmediate(resolve));
    await click('ann', 0, 19.5, 'quiz-2');
    release();
    await tick;
    const quiz2Question = channel.messages.find((message) => message.channelId === 'channel-2');
    expect(textOf(quiz2Question)).toContain('Right: <@ann>');
  });

  it('retries after a Discord hiccup without posting twice', async () => {
    await createQuiz(2);
    channel.failures.push(new Error('503 Service Unavailable'));
    await runner.tick(start);
    expect(channel.messages).toHaveLength(0);
    await runner.tick(after(1));
    expect(channel.messages).toHaveLength(1);
    await runner.tick(after(2));
    expect(channel.messages).toHaveLength(1);
  });

  it('posts the reveal anew when the question message was deleted', async () => {
    await createQuiz(2);
    await runner.tick(start);
    channel.messages.splice(0, 1);
    await runner.tick(after(20));
    expect(channel.messages).toHaveLength(1);
    expect(textOf(channel.messages[0])).toContain('Question 1 of 2: time is up');
  });

  it('ends the quiz when its channel is gone', async () => {
    await createQuiz(2);
    channel.failures.push(new ChannelUnavailableError('channel-1'));
    await runner.tick(start);
    expect(await quizzes.byId('quiz-1')).toMatchObject({ endReason: 'abandoned' });
    expect(await quizzes.unsettled()).toEqual([]);
  });

  it('leaves quizzes of servers another shard runs alone', async () => {
    await createQuiz(2);
    owned = false;
    await runner.resume(after(3600));
    await runner.tick(after(3600));
    expect(channel.messages).toEqual([]);
    expect((await quizzes.byId('quiz-1'))?.state.phase).toBe('not-started');
  });
});

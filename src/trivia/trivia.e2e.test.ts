import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../test/fakeDiscord/index.js';
import { startTestBot } from '../../test/support/botHarness.js';
import { createManualClock } from '../../test/support/manualClock.js';
import type { TestBot } from '../../test/support/botHarness.js';
import { renderedText } from '../../test/support/renderedText.js';
import { pauseBetweenQuestionsMs } from './quizRunner.js';

/*
 * Trivia through the fake Discord with the real bot and its real quiz job. The clock is injected: the test
 * moves it, and the job acts on the new time at its next tick, which the test runs.
 */

const clock = createManualClock(new Date('2026-03-01T20:00:00.000Z'));
function advance(seconds: number): void {
  clock.jumpTo(new Date(clock.now().getTime() + seconds * 1000));
}

/** The first message in the channel that passes `predicate`, once the job has posted it. */
async function postedMessage(harness: TestBot, channelId: string, predicate: (message: StoredMessage) => boolean): Promise<StoredMessage> {
  const find = () => harness.fake.channelMessages(channelId).find(predicate);
  await clock.ticksUntil('posting the message', () => find() !== undefined);
  return find()!;
}

interface Button {
  custom_id: string;
  label: string;
}

function buttonsOf(message: StoredMessage): Button[] {
  return (message.components as Array<{ components: Button[] }>).flatMap((row) => row.components);
}

function isQuestion(position: number) {
  return (message: StoredMessage) => buttonsOf(message).some((button) => button.custom_id.split(':')[2] === String(position));
}

/** The live message's rendered text once it passes `predicate` (the job edits it on its ticks). */
async function waitForText(harness: TestBot, message: StoredMessage, predicate: (text: string) => boolean): Promise<string> {
  const text = () => renderedText(harness.fake.message(message.channelId, message.id));
  await clock.ticksUntil(`a message that says what is expected; it says:\n${text()}`, () => predicate(text()));
  return text();
}

async function runningQuiz(harness: TestBot, channelId: string) {
  const quiz = await harness.bot.context.quizzes.runningInChannel(channelId);
  if (!quiz) throw new Error('no quiz running');
  return quiz;
}

/** The custom ids of the right and a wrong button of the open question. */
async function answersOf(harness: TestBot, channelId: string, message: StoredMessage): Promise<{ right: string; wrong: string }> {
  const { state } = await runningQuiz(harness, channelId);
  const question = state.questions[state.currentQuestionIndex];
  if (!question) throw new Error('no open question');
  const buttons = buttonsOf(message);
  const right = buttons[question.correctIndex]?.custom_id;
  const wrong = buttons.find((_button, index) => index !== question.correctIndex)?.custom_id;
  if (!right || !wrong) throw new Error('question without its buttons');
  return { right, wrong };
}

describe('a trivia quiz through the fake Discord', () => {
  let harness: TestBot;
  beforeAll(async () => {
    harness = await startTestBot({ clock });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('plays a whole quiz: locked answers, a double click, a late click, reveals and final standings', async () => {
    const { general } = harness.channels;
    const started = await harness.run('alice', 'trivia', { subcommand: 'start', options: { questions: 2, seconds: 20 } });
    expect(started.ephemeral).toBe(false);
    expect(harness.text(started)).toContain('**2 questions**, 20 seconds each');

    const first = await postedMessage(harness, general.id, isQuestion(0));
    expect(renderedText(first)).toContain('Question 1 of 2');
    expect(buttonsOf(first)).toHaveLength(4);
    // Gated at the party's progress (not started): every question asked is safe before episode 1.
    const safeIds = new Set(harness.series().knowledge.visibleQuestions(0).map((question) => question.id));
    expect((await runningQuiz(harness, general.id)).state.questions.every((question) => safeIds.has(question.id))).toBe(true);

    const { right, wrong } = await answersOf(harness, general.id, first);
    const aliceLocked = await harness.click('alice', first.id, right);
    expect(aliceLocked.ephemeral).toBe(true);
    expect(harness.text(aliceLocked)).toContain('Locked in');
    const bobLocked = await harness.click('bob', first.id, wrong);
    expect(harness.text(bobLocked)).toContain('Locked in');
    const doubleClick = await harness.click('alice', first.id, wrong);
    expect(doubleClick.ephemeral).toBe(true);
    expect(harness.text(doubleClick)).toContain('You already locked in');

    const counted = await waitForText(harness, first, (text) => text.includes('2 members have answered.'));
    expect(counted).not.toContain(harness.users.alice.id);
    expect(counted).not.toContain(harness.users.bob.id);

    advance(21);
    const late = await harness.click('host', first.id, right);
    expect(late.ephemeral).toBe(true);
    expect(harness.text(late)).toContain('Time is up for that question');

    const reveal = await waitForText(harness, first, (text) => text.includes('time is up'));
    expect(reveal).toContain(`Right: <@${harness.users.alice.id}>`);
    expect(reveal).not.toContain(`<@${harness.users.host.id}>`);

    advance(pauseBetweenQuestionsMs / 1000);
    const second = await postedMessage(harness, general.id, isQuestion(1));
    expect(renderedText(second)).toContain('Question 2 of 2');
    const secondAnswers = await answersOf(harness, general.id, second);
    await harness.click('alice', second.id, secondAnswers.right);
    await harness.click('bob', second.id, secondAnswers.right);
    // Everyone who joined has answered: the question closes without waiting for time up.
    await waitForText(harness, second, (text) => text.includes('time is up'));

    const final = await postedMessage(harness, general.id, (message) => renderedText(message).includes('Trivia: final standings'));
    const standings = renderedText(final);
    expect(standings.indexOf(harness.users.alice.id)).toBeLessThan(standings.indexOf(harness.users.bob.id));
    expect(standings).toContain('2 correct, best streak 2');

    const ended = await harness.click('bob', second.id, secondAnswers.wrong);
    expect(ended.ephemeral).toBe(true);
    expect(harness.text(ended)).toContain('This quiz has ended');
  });

  it('ranks the server on the leaderboard and tells members their own stats', async () => {
    for (const period of ['all', 'month']) {
      const board = harness.text(await harness.run('bob', 'trivia', { subcommand: 'leaderboard', options: { period } }));
      expect(board).toContain('Trivia leaderboard');
      expect(board.indexOf(harness.users.alice.id)).toBeLessThan(board.indexOf(harness.users.bob.id));
    }
    const stats = await harness.run('alice', 'trivia', { subcommand: 'stats' });
    expect(stats.ephemeral).toBe(true);
    expect(harness.text(stats)).toContain('**2** answered, **2** correct (100%), best streak **2**');
    const none = await harness.run('host', 'trivia', { subcommand: 'stats' });
    expect(harness.text(none)).toContain('You have not answered a trivia question');
  });

  it('runs one quiz per channel and lets only its starter or Manage Server stop it', async () => {
    const { dub } = harness.channels;
    await harness.run('bob', 'trivia', { subcommand: 'start', options: { seconds: 60 }, channelId: dub.id });
    const question = await postedMessage(harness, dub.id, isQuestion(0));

    const again = await harness.run('alice', 'trivia', { subcommand: 'start', channelId: dub.id });
    expect(again.ephemeral).toBe(true);
    expect(harness.text(again)).toContain('already running');

    const refused = await harness.run('alice', 'trivia', { subcommand: 'stop', channelId: dub.id });
    expect(refused.ephemeral).toBe(true);
    expect(harness.text(refused)).toContain(`Only <@${harness.users.bob.id}>`);

    const stopped = await harness.run('admin', 'trivia', { subcommand: 'stop', channelId: dub.id });
    expect(stopped.ephemeral).toBe(false);
    expect(harness.text(stopped)).toContain(`<@${harness.users.admin.id}> stopped the quiz`);
    await waitForText(harness, question, (text) => text.includes('The quiz ended before time was up'));
    const click = await harness.click('alice', question.id, buttonsOf(question)[0]!.custom_id, dub.id);
    expect(harness.text(click)).toContain('This quiz has ended');

    const nothing = await harness.run('admin', 'trivia', { subcommand: 'stop', channelId: dub.id });
    expect(harness.text(nothing)).toContain('There is no quiz running in this channel');
  });

  it('says kindly when no question fits, and what to try instead', async () => {
    const outcome = await harness.run('alice', 'trivia', { subcommand: 'start', options: { scope: 'latest', difficulty: 'hard' } });
    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toContain('I have no trivia questions that fit');
    expect(harness.text(outcome)).toContain('`scope:all`');
    expect(await harness.bot.context.quizzes.runningInChannel(harness.channels.general.id)).toBeNull();
  });

  it('sent nothing to routes Discord does not have', async () => {
    expect(harness.fake.unknownRoutes).toEqual([]);
  });
});

describe('a trivia quiz across bot restarts', () => {
  let harness: TestBot;
  beforeAll(async () => {
    harness = await startTestBot({ clock });
  });
  afterAll(async () => {
    await harness.close();
  });

  async function restart(idleSeconds: number): Promise<void> {
    await harness.bot.stop();
    advance(idleSeconds);
    harness = await startTestBot({ clock, restartOf: harness });
  }

  it('carries on a question that still has time, keeping the answers given before the restart', async () => {
    const { general } = harness.channels;
    await harness.run('alice', 'trivia', { subcommand: 'start', options: { questions: 2, seconds: 30 } });
    const first = await postedMessage(harness, general.id, isQuestion(0));
    const { right } = await answersOf(harness, general.id, first);
    await harness.click('alice', first.id, right);

    await restart(5);
    const afterRestart = await harness.click('bob', first.id, right);
    expect(harness.text(afterRestart)).toContain('Locked in');
    advance(30);
    const reveal = await waitForText(harness, first, (text) => text.includes('time is up'));
    expect(reveal).toContain(`Right: <@${harness.users.alice.id}> (+`);
    expect(reveal).toContain(`<@${harness.users.bob.id}> (+`);
  });

  it('ends a quiz left idle too long, with a message, and its buttons say it has ended', async () => {
    const { general } = harness.channels;
    await restart(15 * 60);
    const ended = await postedMessage(harness, general.id, (message) => renderedText(message).includes('offline for too long'));
    expect(renderedText(ended)).toContain('Trivia ended');
    expect(await harness.bot.context.quizzes.runningInChannel(general.id)).toBeNull();
    const first = harness.fake.channelMessages(general.id).find(isQuestion(0));
    const click = await harness.click('bob', first!.id, buttonsOf(first!)[0]!.custom_id);
    expect(harness.text(click)).toContain('This quiz has ended');
  });
});

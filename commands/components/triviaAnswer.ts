import { registerComponent } from '../../src/discord/command.js';
import type { ComponentHandler } from '../../src/discord/command.js';
import { ephemeralText } from '../../src/discord/reply.js';
import { userMessages } from '../../src/discord/userMessages.js';
import { answerButtonArguments, answerButtonName, lockAnswer } from '../../src/trivia/index.js';
import type { AnswerButton, ClickOutcome } from '../../src/trivia/index.js';

/** What the clicking member reads, and only they: nobody else learns what anyone chose. */
const answers: Record<ClickOutcome, (lockedOption: string) => string> = {
  locked: (option) => `🔒 Locked in: **${option}**. The answer is revealed when time is up.`,
  'already-answered': (option) => `You already locked in **${option}** for this question. Your first click counts.`,
  'too-late': () => 'Time is up for that question, so this click does not count. Catch the next one!',
  'quiz-ended': () => 'This quiz has ended. Start a new one with `/trivia start`.',
  'wrong-channel': () => 'You can answer only in the channel where the quiz is running.',
  'invalid-option': () => userMessages.staleComponent,
};

const handler: ComponentHandler<AnswerButton> = {
  name: answerButtonName,
  access: 'everyone',
  description: 'The answer buttons under a quiz question',
  parse: answerButtonArguments,
  async execute(invocation, button, context) {
    // Checked on every click: a quiz about another series than the channel's party watches now takes no answers.
    const quiz = await context.quizzes.byId(button.quizId);
    if (quiz && quiz.seriesId !== (await context.parties.forChannelOrDefault(invocation.guildId, invocation.channelId)).seriesId) {
      return { kind: 'reply', reply: ephemeralText(answers['quiz-ended']('')) };
    }
    const result = (await lockAnswer(context.quizzes, {
      ...button,
      userId: invocation.actor.userId,
      channelId: invocation.channelId,
      now: context.now(),
    }));
    return { kind: 'reply', reply: ephemeralText(answers[result.outcome](result.lockedOption ?? '')) };
  },
};

/** The answer buttons under each quiz question. The shared list erases argument types; the router hands `execute` what `parse` produced. */
export const triviaAnswerButton = registerComponent(handler);

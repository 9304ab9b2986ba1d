import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import { discordLimits } from '../discord/render/discordLimits.js';
import { truncate } from '../discord/render/spoilerSafeText.js';
import type { Reply } from '../discord/reply.js';
import type { AskedQuestion, Standing } from '../domain/trivia/index.js';
import { discordTimestamp } from '../domain/watchparty/discordTimestamp.js';
import type { QuizEndReason, StoredReveal } from '../domain/trivia/quizRecord.js';
import { answerButtonId } from './answerButton.js';

const colours = { question: 0x5865f2, reveal: 0x57f287, ended: 0xfee75c } as const;
const standingsShown = 10;
const medals = ['🥇', '🥈', '🥉'];

/** What every message about one question needs to know. */
export interface QuestionContext {
  quizId: string;
  /** 0-based. */
  position: number;
  questionCount: number;
  question: AskedQuestion;
  /** "Safe up to S1E4": the gate the quiz was started at. */
  safeLabel: string;
}

function questionTitle({ position, questionCount }: QuestionContext): string {
  return `Question ${position + 1} of ${questionCount}`;
}

function answeredLine(count: number): string {
  if (count === 0) return 'Nobody has answered yet.';
  return count === 1 ? '1 member has answered.' : `${count} members have answered.`;
}

/** The four answer buttons; after the reveal the correct one turns green (they stay clickable and say time is up). */
function answerButtons(view: QuestionContext, revealed: boolean): Reply['components'] {
  const buttons: APIButtonComponentWithCustomId[] = view.question.options.map((option, optionIndex) => ({
    type: ComponentType.Button,
    style: revealed && optionIndex === view.question.correctIndex ? ButtonStyle.Success : revealed ? ButtonStyle.Secondary : ButtonStyle.Primary,
    label: truncate(option, discordLimits.buttonLabel),
    custom_id: answerButtonId(view.quizId, view.position, optionIndex),
  }));
  return [{ type: ComponentType.ActionRow, components: buttons }];
}

/** An open question: the prompt, the countdown and how many have answered, never who chose what. */
export function questionMessage(view: QuestionContext, deadline: Date, answeredCount: number): Reply {
  return {
    embeds: [
      {
        title: questionTitle(view),
        description: [view.question.prompt, '', `Time is up ${discordTimestamp(deadline, 'R')}. ${answeredLine(answeredCount)}`].join('\n'),
        color: colours.question,
        footer: { text: `${view.safeLabel} · Your first click counts` },
      },
    ],
    components: answerButtons(view, false),
  };
}

function pointsList(userIds: readonly string[], pointsAwarded: Record<string, number>): string {
  return userIds.map((userId) => `<@${userId}> (+${pointsAwarded[userId] ?? 0})`).join(', ');
}

export function standingLines(standings: readonly Standing[]): string[] {
  return standings
    .slice(0, standingsShown)
    .map(
      (standing) =>
        // A medal is earned: nobody gets gold for 0 points.
        `${(standing.points > 0 ? medals[standing.position - 1] : undefined) ?? `**${standing.position}.**`} <@${standing.userId}>: ${standing.points} points` +
        ` (${standing.correctAnswers} correct, best streak ${standing.bestStreak})`,
    );
}

/** A closed question: the answer, why, who got it right with their points, and the standings so far. */
export function revealMessage(view: QuestionContext, stored: StoredReveal): Reply {
  const { reveal } = stored;
  const answer = view.question.options[reveal.correctIndex];
  const answeredCount = Object.keys(reveal.pointsAwarded).length;
  const right =
    reveal.correctUserIds.length === 0
      ? answeredCount === 0
        ? 'Nobody answered this one.'
        : 'Nobody got this one.'
      : `Right: ${pointsList(reveal.correctUserIds, reveal.pointsAwarded)}`;
  const embed: APIEmbed = {
    title: `${questionTitle(view)}: time is up`,
    // A crowded reveal (a hundred right answers) must still fit one embed.
    description: truncate([view.question.prompt, '', `✅ **${answer}**`, view.question.explanation, '', right].join('\n'), discordLimits.embedDescription),
    color: colours.reveal,
    footer: { text: view.safeLabel },
  };
  if (stored.standings.length > 0) embed.fields = [{ name: 'Standings', value: standingLines(stored.standings).join('\n') }];
  return { embeds: [embed], components: answerButtons(view, true) };
}

/** A question that was still open when the quiz was stopped or ended. */
export function endedQuestionMessage(view: QuestionContext): Reply {
  return {
    embeds: [
      {
        title: questionTitle(view),
        description: [view.question.prompt, '', 'The quiz ended before time was up, so this question does not count.'].join('\n'),
        color: colours.ended,
        footer: { text: view.safeLabel },
      },
    ],
    components: answerButtons(view, false),
  };
}

const endings: Record<QuizEndReason, { title: string; intro: (stoppedBy: string | undefined) => string }> = {
  finished: { title: 'Trivia: final standings', intro: () => 'That was the last question. Thanks for playing!' },
  stopped: {
    title: 'Trivia stopped',
    intro: (stoppedBy) => `${stoppedBy ? `<@${stoppedBy}>` : 'Someone'} stopped the quiz. Scores of the questions already revealed count.`,
  },
  'progress-lowered': {
    title: 'Trivia ended',
    intro: () =>
      'The party’s progress was moved back (or it switched series), so this quiz ends here to keep the next questions spoiler-free. ' +
      'Scores of the questions already revealed count; start a new quiz with `/trivia start`.',
  },
  abandoned: {
    title: 'Trivia ended',
    intro: () =>
      'Watchalong was offline for too long to pick this quiz up again, so it has ended. Scores of the questions already revealed count.',
  },
};

/** The end of a quiz: why it ended and the final standings. */
export function finalMessage(reason: QuizEndReason, standings: readonly Standing[], safeLabel: string, stoppedBy?: string): Reply {
  const ending = endings[reason];
  const results = standings.length === 0 ? ['Nobody answered, so there are no scores this time.'] : standingLines(standings);
  return {
    embeds: [
      {
        title: ending.title,
        description: [ending.intro(stoppedBy), '', ...results].join('\n'),
        color: colours.ended,
        // After progress moved back, the old "Safe up to" no longer holds for the channel.
        footer: { text: reason === 'progress-lowered' ? 'Scores count towards /trivia leaderboard' : `${safeLabel} · Scores count towards /trivia leaderboard` },
      },
    ],
  };
}

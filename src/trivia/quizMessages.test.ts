import { describe, expect, it } from 'vitest';
import type { Reply } from '../discord/reply.js';
import type { AskedQuestion } from '../domain/trivia/index.js';
import { endedQuestionMessage, finalMessage, questionMessage, revealMessage, standingLines } from './quizMessages.js';
import type { QuestionContext } from './quizMessages.js';

const longOption = 'An option far longer than any button label Discord accepts, which stops at eighty characters';

const question: AskedQuestion = {
  id: 'q',
  prompt: 'Who is it?',
  explanation: 'Because.',
  options: ['Ann', 'Bob', longOption, 'Dee'],
  correctIndex: 1,
};
const view: QuestionContext = { quizId: 'quiz-1', position: 2, questionCount: 5, question, safeLabel: 'Safe up to S1E4' };

function buttons(reply: Reply) {
  return (reply.components ?? []).flatMap((row) => row.components).map((button) => button as { label: string; style: number; custom_id: string });
}

describe('quiz messages', () => {
  it('keep button labels within 80 characters and ids per option', () => {
    const labels = buttons(questionMessage(view, new Date(0), 0));
    expect(labels.map((button) => button.label.length).every((length) => length <= 80)).toBe(true);
    expect(labels[2]?.label.endsWith('…')).toBe(true);
    expect(labels.map((button) => button.custom_id)).toEqual([0, 1, 2, 3].map((option) => `trivia-answer:quiz-1:2:${option}`));
  });

  it.each([
    [0, 'Nobody has answered yet.'],
    [1, '1 member has answered.'],
    [4, '4 members have answered.'],
  ])('count %d answers as "%s"', (count, expected) => {
    expect(questionMessage(view, new Date(0), count).embeds?.[0]?.description).toContain(expected);
  });

  it('turn the right answer green at the reveal and keep the buttons', () => {
    const reveal = revealMessage(view, {
      reveal: { questionIndex: 2, question, correctIndex: 1, correctUserIds: ['u2', 'u1'], pointsAwarded: { u1: 120, u2: 140, u3: 0 } },
      standings: [],
    });
    expect(buttons(reveal).map((button) => button.style)).toEqual([2, 3, 2, 2]);
    expect(reveal.embeds?.[0]?.description).toContain('Right: <@u2> (+140), <@u1> (+120)');
    expect(reveal.embeds?.[0]?.fields).toBeUndefined();
  });

  it('show an ended question without its answer', () => {
    const ended = endedQuestionMessage(view);
    expect(ended.embeds?.[0]?.description).not.toContain('Bob');
  });

  it.each([
    ['finished', 'That was the last question'],
    ['stopped', '<@u9> stopped the quiz'],
    ['abandoned', 'offline for too long'],
  ] as const)('explain a %s quiz', (reason, expected) => {
    expect(finalMessage(reason, [], 'Safe up to S1E4', 'u9').embeds?.[0]?.description).toContain(expected);
  });

  it('drop the old "Safe up to" when progress moved back ended the quiz', () => {
    const footer = finalMessage('progress-lowered', [], 'Safe up to S1E4').embeds?.[0]?.footer?.text;
    expect(footer).toBe('Scores count towards /trivia leaderboard');
  });

  it('give medals only for points', () => {
    const standing = (position: number, userId: string, points: number) => ({ position, userId, points, correctAnswers: points > 0 ? 1 : 0, bestStreak: 0 });
    const lines = standingLines([standing(1, 'a', 120), standing(2, 'b', 0), standing(3, 'c', 0)]);
    expect(lines[0]).toMatch(/^🥇 <@a>/);
    expect(lines[1]).toMatch(/^\*\*2\.\*\* <@b>/);
    expect(lines[2]).toMatch(/^\*\*3\.\*\* <@c>/);
  });
});

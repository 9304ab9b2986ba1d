import { describe, expect, it } from 'vitest';
import { splitCustomId } from '../discord/customId.js';
import { answerButtonArguments, answerButtonId, answerButtonName } from './answerButton.js';

describe('answer buttons', () => {
  it('read back what they were built from, within Discord’s 100 characters', () => {
    const id = answerButtonId('0b4c6a0e-3a55-4f43-9d43-2f3bbf7f6a11', 19, 3);
    expect(id.length).toBeLessThanOrEqual(100);
    const { name, parts } = splitCustomId(id);
    expect(name).toBe(answerButtonName);
    expect(answerButtonArguments.parse(parts)).toEqual({ quizId: '0b4c6a0e-3a55-4f43-9d43-2f3bbf7f6a11', position: 19, optionIndex: 3 });
  });

  it.each([
    { name: 'too few parts', parts: ['quiz', '1'] },
    { name: 'a position that is not a number', parts: ['quiz', 'one', '2'] },
    { name: 'a negative option', parts: ['quiz', '1', '-2'] },
    { name: 'a quiz id with odd characters', parts: ['quiz id!', '1', '2'] },
  ])('refuse a forged id: $name', ({ parts }) => {
    expect(answerButtonArguments.safeParse(parts).success).toBe(false);
  });
});

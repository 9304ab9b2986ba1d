import * as z from 'zod';
import { customId } from '../discord/customId.js';

/** The answer buttons of a quiz question: `trivia-answer:<quiz id>:<question position>:<option>`. */
export const answerButtonName = 'trivia-answer';

export function answerButtonId(quizId: string, position: number, optionIndex: number): string {
  return customId(answerButtonName, quizId, position, optionIndex);
}

const wholeNumber = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number);

export const answerButtonArguments = z
  .tuple([z.string().regex(/^[\w-]{1,64}$/), wholeNumber, wholeNumber])
  .transform(([quizId, position, optionIndex]) => ({ quizId, position, optionIndex }));

export type AnswerButton = z.infer<typeof answerButtonArguments>;

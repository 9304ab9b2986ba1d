import { shuffled, type Random } from './random.js';
import type { TriviaQuestion } from './types.js';

export type OptionIndex = 0 | 1 | 2 | 3;
export type FourOptions = [string, string, string, string];

/** The order the buttons are shown in. Store it with the question so a restart shows the same order. */
export interface ShuffledOptions {
  options: FourOptions;
  correctIndex: OptionIndex;
}

const answerSlot = 0;

export function shuffleOptions(
  question: Pick<TriviaQuestion, 'answer' | 'distractors'>,
  random: Random,
): ShuffledOptions {
  const texts = [question.answer, ...question.distractors];
  // Shuffle positions rather than texts so a distractor that repeats the answer's wording
  // still leaves exactly one correct button.
  const order = shuffled([0, 1, 2, 3], random);
  return {
    options: order.map((slot) => texts[slot] as string) as FourOptions,
    correctIndex: order.indexOf(answerSlot) as OptionIndex,
  };
}

export function isOptionIndex(value: number): value is OptionIndex {
  return Number.isInteger(value) && value >= 0 && value <= 3;
}

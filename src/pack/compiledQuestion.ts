import type { Difficulty } from './packSchema.js';

/** Hand-written question ids may not start with this; generated ones always do. */
export const generatedQuestionIdPrefix = 'auto-';

/** A trivia question as it is stored: hand-written or generated from the structured facts. */
export interface CompiledQuestion {
  id: string;
  origin: 'hand-written' | 'generated';
  prompt: string;
  answer: string;
  distractors: [string, string, string];
  explanation: string;
  difficulty: Difficulty;
  aboutEpisode: number | null;
  revealedIn: number;
  source: string;
}

import type { Difficulty } from '../packSchema.js';
import type { PackView } from './packView.js';
import type { Candidate } from './pickDistractors.js';

/**
 * A generated question before its distractors are picked. `revealedIn` covers the prompt, the answer
 * and the explanation; the candidates carry their own stamps.
 */
export interface QuestionDraft {
  key: string;
  prompt: string;
  answer: string;
  candidates: Candidate[];
  explanation: string;
  difficulty: Difficulty;
  aboutEpisode: number | null;
  revealedIn: number;
  source: string;
}

export type QuestionTemplate = (view: PackView) => QuestionDraft[];

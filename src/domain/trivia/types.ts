export type Difficulty = 'easy' | 'medium' | 'hard';
export type DifficultyFilter = Difficulty | 'any';
export type QuestionScope = 'all' | 'latest';

/** A trivia question as the caller hands it over: already filtered to be spoiler-safe. */
export interface TriviaQuestion {
  id: string;
  prompt: string;
  answer: string;
  distractors: readonly [string, string, string];
  explanation: string;
  difficulty: Difficulty;
  /** The absolute episode the question is about; null for production trivia. */
  aboutEpisode: number | null;
}

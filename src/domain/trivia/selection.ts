import { normalizeText } from '../text/normalizeText.js';
import { shuffled, type Random } from './random.js';
import type { DifficultyFilter, QuestionScope, TriviaQuestion } from './types.js';

export interface SelectionRequest<Question extends TriviaQuestion> {
  /** Spoiler-safe questions; duplicates by id are dropped. */
  candidates: readonly Question[];
  count: number;
  difficulty: DifficultyFilter;
  scope: QuestionScope;
  /** The last episode the party has finished (0 = not started). */
  progress: number;
  /** How many of the most recently finished episodes the "latest" scope covers (at least 1). */
  latestEpisodes: number;
  /** Ids of questions asked in earlier quizzes, most recent first. */
  recentlyAskedIds: readonly string[];
  random: Random;
}

export interface Selection<Question extends TriviaQuestion> {
  questions: Question[];
  /** How many questions short of the requested count the selection is (0 when there were enough). */
  shortfall: number;
}

/**
 * Picks the questions for one quiz: never the same question twice, and never two questions with the
 * same answer (the second would give itself away). Fresh questions in random order come first, then
 * recently asked ones (those asked longest ago first) only to make up the count.
 */
export function selectQuestions<Question extends TriviaQuestion>(
  request: SelectionRequest<Question>,
): Selection<Question> {
  const wanted = Number.isFinite(request.count) ? Math.max(0, Math.floor(request.count)) : 0;
  const eligible = uniqueById(request.candidates).filter(
    (question) => matchesDifficulty(question, request.difficulty) && matchesScope(question, request),
  );

  const recentRank = new Map<string, number>();
  request.recentlyAskedIds.forEach((id, rank) => {
    if (!recentRank.has(id)) recentRank.set(id, rank);
  });
  const fresh = eligible.filter((question) => !recentRank.has(question.id));
  const leastRecentFirst = eligible
    .filter((question) => recentRank.has(question.id))
    .sort((left, right) => (recentRank.get(right.id) ?? 0) - (recentRank.get(left.id) ?? 0));

  const questions = withDistinctAnswers([...shuffled(fresh, request.random), ...leastRecentFirst]).slice(0, wanted);
  return { questions, shortfall: wanted - questions.length };
}

function uniqueById<Question extends TriviaQuestion>(candidates: readonly Question[]): Question[] {
  const seen = new Set<string>();
  return candidates.filter((question) => {
    if (seen.has(question.id)) return false;
    seen.add(question.id);
    return true;
  });
}

/** Keeps the first question for each answer, compared the way names are (case, accents, spaces). */
function withDistinctAnswers<Question extends TriviaQuestion>(ordered: readonly Question[]): Question[] {
  const seenAnswers = new Set<string>();
  return ordered.filter((question) => {
    const answer = normalizeText(question.answer);
    if (seenAnswers.has(answer)) return false;
    seenAnswers.add(answer);
    return true;
  });
}

function matchesDifficulty(question: TriviaQuestion, difficulty: DifficultyFilter): boolean {
  return difficulty === 'any' || question.difficulty === difficulty;
}

function matchesScope(
  question: TriviaQuestion,
  { scope, progress, latestEpisodes }: Pick<SelectionRequest<TriviaQuestion>, 'scope' | 'progress' | 'latestEpisodes'>,
): boolean {
  if (scope === 'all') return true;
  if (question.aboutEpisode === null) return false;
  const firstLatest = progress - Math.max(1, Math.floor(latestEpisodes)) + 1;
  return question.aboutEpisode >= Math.max(1, firstLatest) && question.aboutEpisode <= progress;
}

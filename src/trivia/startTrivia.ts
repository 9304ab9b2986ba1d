import { randomUUID } from 'node:crypto';
import { selectQuestions, shuffleOptions, startQuiz } from '../domain/trivia/index.js';
import type { DifficultyFilter, QuestionScope, Random } from '../domain/trivia/index.js';
import type { Question } from '../domain/knowledge.js';
import { QuizAlreadyRunningError } from '../domain/trivia/quizRecord.js';
import type { QuizRepository } from '../storage/quizRepository.js';
import type { StoredQuiz } from '../domain/trivia/quizRecord.js';

/** `scope:latest` asks about this many of the most recently finished episodes. */
export const latestEpisodeWindow = 3;

export interface TriviaStartRequest {
  guildId: string;
  channelId: string;
  starterId: string;
  /** The gate: only questions visible at this progress are asked. */
  progress: number;
  /** The series of the channel's party: the questions come from its pack. */
  seriesId: string;
  questionCount: number;
  secondsPerQuestion: number;
  scope: QuestionScope;
  difficulty: DifficultyFilter;
}

export type TriviaStart =
  | { outcome: 'started'; quiz: StoredQuiz; shortfall: number }
  | { outcome: 'no-questions' }
  | { outcome: 'already-running'; quiz: StoredQuiz }
  | { outcome: 'limited'; reason: string };

export interface TriviaStartDependencies {
  quizzes: QuizRepository;
  visibleQuestions(progress: number): Question[];
  /** Why this starter may not start a quiz now (the flood limits), or null; asked once a quiz could start. */
  refuseStart?(request: TriviaStartRequest, now: Date): Promise<string | null> | string | null;
}

/**
 * Picks spoiler-safe questions (recently asked ones in this channel last), fixes their button order,
 * and saves the new quiz. The quiz runner opens the first question on its next tick.
 */
export async function startTrivia(
  dependencies: TriviaStartDependencies,
  request: TriviaStartRequest,
  now: Date,
  random: Random = Math.random,
): Promise<TriviaStart> {
  const running = await dependencies.quizzes.runningInChannel(request.channelId);
  if (running) return { outcome: 'already-running', quiz: running };

  const selection = selectQuestions({
    candidates: dependencies.visibleQuestions(request.progress),
    count: request.questionCount,
    difficulty: request.difficulty,
    scope: request.scope,
    progress: request.progress,
    latestEpisodes: latestEpisodeWindow,
    recentlyAskedIds: await dependencies.quizzes.recentlyAskedIds(request.channelId),
    random,
  });
  if (selection.questions.length === 0) return { outcome: 'no-questions' };
  const refusal = (await dependencies.refuseStart?.(request, now)) ?? null;
  if (refusal !== null) return { outcome: 'limited', reason: refusal };

  const state = startQuiz({
    quizId: randomUUID(),
    channelId: request.channelId,
    starterId: request.starterId,
    questions: selection.questions.map((question) => ({ ...question, ...shuffleOptions(question, random) })),
    secondsPerQuestion: request.secondsPerQuestion,
    now,
  });
  try {
    const quiz = await dependencies.quizzes.create({ guildId: request.guildId, progress: request.progress, seriesId: request.seriesId, state });
    return { outcome: 'started', quiz, shortfall: selection.shortfall };
  } catch (error) {
    const winner = error instanceof QuizAlreadyRunningError ? await dependencies.quizzes.runningInChannel(request.channelId) : null;
    if (winner) return { outcome: 'already-running', quiz: winner };
    throw error;
  }
}

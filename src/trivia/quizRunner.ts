import type { Reply } from '../discord/reply.js';
import { safeUpToLabel } from '../domain/episodeLabels.js';
import type { SeasonShape } from '../domain/episodeLabels.js';
import {
  closeQuestion,
  isFinished,
  openQuestion,
  questionDeadlineMs,
  resumeDecision,
  shouldClose,
  standings,
  stopQuiz,
} from '../domain/trivia/index.js';
import type { QuizState } from '../domain/trivia/index.js';
import type { Logger } from '../logging/logger.js';
import type { QuizRepository } from '../storage/quizRepository.js';
import type { StoredQuiz, StoredQuizQuestion } from '../domain/trivia/quizRecord.js';
import { ChannelUnavailableError, MessageGoneError } from './channelPublisher.js';
import type { ChannelPublisher } from './channelPublisher.js';
import { endedQuestionMessage, finalMessage, questionMessage, revealMessage } from './quizMessages.js';
import type { QuestionContext } from './quizMessages.js';

/** How long a reveal stays up before the next question opens. */
export const pauseBetweenQuestionsMs = 5_000;

export interface QuizRunnerDependencies {
  quizzes: QuizRepository;
  /** The seasons of a series, for the "Safe up to" label (none when its pack is no longer loaded). */
  seasons: (seriesId: string) => readonly SeasonShape[];
  publisher: ChannelPublisher;
  logger: Logger;
  /** False for servers another shard runs timed work for. */
  ownsGuild(guildId: string): boolean;
  /** The series and progress of the party that watches in a channel now (a host may have moved it back or switched series mid-quiz). */
  partyWatching(guildId: string, channelId: string): Promise<{ seriesId: string; episode: number }>;
}

export interface QuizRunner {
  /** After a restart: ends quizzes idle too long to pick up again; the others carry on with the next tick. */
  resume(now: Date): Promise<void>;
  /** Closes questions whose time is up, opens the next ones, and brings every quiz message up to date. */
  tick(now: Date): Promise<void>;
}

function isReadyToOpen(state: QuizState, now: Date): boolean {
  if (state.phase === 'not-started') return true;
  return state.phase === 'question-closed' && now.getTime() - state.lastChangedAtMs >= pauseBetweenQuestionsMs;
}

/**
 * Runs every quiz from the database: the database is the truth and each tick only moves it on
 * (close, open) and then makes Discord show it. A tick that fails half-way leaves rows that say
 * what is still to be shown, so the next tick, or the next process, picks it up.
 */
export function createQuizRunner(dependencies: QuizRunnerDependencies): QuizRunner {
  const { quizzes, publisher, logger } = dependencies;

  /** The engine's timers: close a question whose time is up (or that everyone has answered), open the next. */
  async function moveOn(quiz: StoredQuiz, now: Date): Promise<StoredQuiz | null> {
    // Each step reads and writes the quiz in one transaction, so an answer locked meanwhile is never overwritten.
    const closed = await quizzes.update(quiz.quizId, (current) => {
      if (current.state.phase !== 'question-open' || !shouldClose(current.state, now)) return null;
      const step = closeQuestion(current.state, now);
      return step.outcome === 'closed' ? { state: step.state, reveal: { reveal: step.reveal, standings: standings(step.state) } } : null;
    });
    if (!closed || !isReadyToOpen(closed.state, now)) return closed;
    // Questions were chosen as safe at the quiz's progress in its series; if the party has since gone back or
    // moved to another series, they may spoil or be about a show this channel no longer watches.
    const watching = await dependencies.partyWatching(closed.guildId, closed.channelId);
    const progressLowered = watching.seriesId !== closed.seriesId || watching.episode < closed.progress;
    return quizzes.update(quiz.quizId, (current) => {
      if (!isReadyToOpen(current.state, now)) return null;
      if (progressLowered) return { state: stopQuiz(current.state, now).state, endReason: 'progress-lowered' };
      return { state: openQuestion(current.state, now).state };
    });
  }

  function contextFor(quiz: StoredQuiz, position: number): QuestionContext {
    const question = quiz.state.questions[position];
    if (!question) throw new Error(`quiz ${quiz.quizId} has no question ${position}`);
    return {
      quizId: quiz.quizId,
      position,
      questionCount: quiz.state.questions.length,
      question,
      safeLabel: safeUpToLabel(quiz.progress, dependencies.seasons(quiz.seriesId)),
    };
  }

  /** Edits the message when there is one, else (or when it was deleted) posts it anew. */
  async function show(channelId: string, messageId: string | null, reply: Reply): Promise<string> {
    if (messageId !== null) {
      try {
        await publisher.edit(channelId, messageId, reply);
        return messageId;
      } catch (error) {
        if (!(error instanceof MessageGoneError)) throw error;
      }
    }
    return publisher.post(channelId, reply);
  }

  async function showQuestion(quiz: StoredQuiz, question: StoredQuizQuestion): Promise<void> {
    const view = contextFor(quiz, question.position);
    if (question.reveal) {
      await show(quiz.channelId, question.messageId, revealMessage(view, question.reveal));
      await quizzes.markFinalShown(quiz.quizId, question.position);
      return;
    }
    if (isFinished(quiz.state)) {
      // Stopped while this question was open: nobody can answer it any more.
      if (question.messageId !== null) await show(quiz.channelId, question.messageId, endedQuestionMessage(view));
      await quizzes.markFinalShown(quiz.quizId, question.position);
      return;
    }
    const deadlineMs = questionDeadlineMs(quiz.state);
    const answeredCount = quiz.state.currentAnswers.length;
    if (deadlineMs === null || (question.messageId !== null && answeredCount === question.shownAnswerCount)) return;
    const messageId = await show(quiz.channelId, question.messageId, questionMessage(view, new Date(deadlineMs), answeredCount));
    await quizzes.markMessage(quiz.quizId, question.position, messageId, answeredCount);
  }

  async function publish(quiz: StoredQuiz): Promise<void> {
    const pending = (await quizzes.questions(quiz.quizId)).filter((question) => question.openedAt !== null && !question.finalShown);
    for (const question of pending) await showQuestion(quiz, question);
    if (!isFinished(quiz.state)) return;
    if (!quiz.endAnnounced) {
      const safeLabel = safeUpToLabel(quiz.progress, dependencies.seasons(quiz.seriesId));
      await publisher.post(quiz.channelId, finalMessage(quiz.endReason ?? 'finished', standings(quiz.state), safeLabel));
      await quizzes.markEndAnnounced(quiz.quizId);
    }
    await quizzes.markSettled(quiz.quizId);
  }

  /** Nobody can see this quiz any more: end it and stop trying. */
  async function abandon(quizId: string, now: Date): Promise<void> {
    await quizzes.update(quizId, (latest) => (isFinished(latest.state) ? null : { state: stopQuiz(latest.state, now).state, endReason: 'abandoned' }));
    await quizzes.markSettled(quizId);
  }

  async function advance(quizId: string, now: Date): Promise<void> {
    // Read afresh: answers locked while earlier quizzes of this tick were being published must count.
    const quiz = await quizzes.byId(quizId);
    if (!quiz) return;
    try {
      const moved = await moveOn(quiz, now);
      if (moved) await publish(moved);
    } catch (error) {
      if (error instanceof ChannelUnavailableError) {
        logger.warn({ quizId: quiz.quizId, channelId: quiz.channelId }, 'quiz channel unavailable; ending the quiz');
        await abandon(quiz.quizId, now);
        return;
      }
      // Discord hiccups: the rows still say what is left to show, so the next tick retries.
      logger.warn({ err: error, quizId: quiz.quizId }, 'quiz tick failed; retrying on the next tick');
    }
  }

  return {
    async resume(now) {
      for (const quiz of await quizzes.unfinished()) {
        if (!dependencies.ownsGuild(quiz.guildId)) continue;
        const decision = resumeDecision(quiz.state, now);
        logger.info({ quizId: quiz.quizId, decision: decision.action }, 'resuming trivia quiz');
        if (decision.action === 'end') {
          await quizzes.update(quiz.quizId, (current) => (isFinished(current.state) ? null : { state: stopQuiz(current.state, now).state, endReason: 'abandoned' }));
        }
      }
    },
    async tick(now) {
      for (const quiz of await quizzes.unsettled()) {
        if (dependencies.ownsGuild(quiz.guildId)) await advance(quiz.quizId, now);
      }
    },
  };
}

/**
 * The trivia feature as commands and buttons see it: starting a quiz, its answer buttons and its messages.
 * Commands import from here only (a lint rule enforces it); the rest of the folder is the feature's own.
 */
export { answerButtonArguments, answerButtonName, type AnswerButton } from './answerButton.js';
export { lockAnswer, type ClickOutcome } from './lockAnswer.js';
export { leaderboardReply, memberStatsReply } from './quizRecords.js';
export { startQuiz } from './startQuiz.js';
export { stopRunningQuiz } from './stopRunningQuiz.js';

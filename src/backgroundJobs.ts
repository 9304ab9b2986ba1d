import type { BackgroundJob } from './backgroundJob.js';
import { createReminderJob } from './watchparty/reminderJob.js';
import { createTriviaJob } from './trivia/triviaJob.js';

/** The timed jobs the bot runs once ready. */
export function backgroundJobs(): BackgroundJob[] {
  return [createTriviaJob(), createReminderJob()];
}

import type { BackgroundJob } from './backgroundJob.js';

/** The timed jobs the bot runs once ready. */
export function backgroundJobs(): BackgroundJob[] {
  return [];
}

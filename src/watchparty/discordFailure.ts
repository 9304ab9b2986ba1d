import { DiscordAPIError } from 'discord.js';

/**
 * What a failed Discord request means for timed work:
 * gone (the channel, server or event no longer exists) and forbidden (the bot lacks a permission) do not
 * get better by retrying; rejected is a request Discord will never accept (a bug, logged); transient
 * (a timeout, a 5xx after discord.js's own retries) may work later.
 */
export type DiscordFailure = 'gone' | 'forbidden' | 'rejected' | 'transient';

const failureByStatus: Record<number, DiscordFailure> = { 400: 'rejected', 403: 'forbidden', 404: 'gone' };

export function classifyDiscordFailure(error: unknown): DiscordFailure {
  if (!(error instanceof DiscordAPIError)) return 'transient';
  return failureByStatus[error.status] ?? 'transient';
}

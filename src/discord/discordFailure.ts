import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';

/**
 * What a failed Discord request means for work the bot does on its own (reminders, events, quiz messages):
 * gone (the channel, server, message or event no longer exists) and forbidden (the bot lacks a permission, or the
 * channel cannot hold messages) do not get better by retrying; rejected is a request Discord will never accept
 * (a bug, logged); transient (a timeout, a 5xx after discord.js's own retries) may work later.
 */
export type DiscordFailure = 'gone' | 'forbidden' | 'rejected' | 'transient';

const failureByStatus: Record<number, DiscordFailure> = { 400: 'rejected', 403: 'forbidden', 404: 'gone' };

/** The one reading of Discord's errors: by JSON code where the status alone would mislead, else by HTTP status. */
export function classifyDiscordFailure(error: unknown): DiscordFailure {
  if (!(error instanceof DiscordAPIError)) return 'transient';
  // Discord answers 400 here, but no retry or other body helps: the channel cannot take messages at all.
  if (error.code === RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel) return 'forbidden';
  return failureByStatus[error.status] ?? 'transient';
}

/** Whether the failure says the message itself is gone (its channel may still be there). */
export function isUnknownMessage(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage;
}

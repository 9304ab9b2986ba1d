import { DiscordAPIError } from 'discord.js';

/** The JSON error code Discord answered a request with, or undefined when the request succeeded or failed otherwise. */
export async function discordErrorCode(promise: Promise<unknown>): Promise<number | string | undefined> {
  const error: unknown = await promise.then(() => undefined, (reason: unknown) => reason);
  return error instanceof DiscordAPIError ? error.code : undefined;
}

import { DiscordAPIError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { APIThreadChannel, Client, RESTPostAPIChannelMessagesThreadsJSONBody } from 'discord.js';
import type { BotContext } from '../context.js';
import { classifyDiscordFailure } from '../discord/discordFailure.js';
import { newErrorId } from '../logging/logger.js';
import { shortEpisodeLabel } from '../domain/episodeLabels.js';
import { stableNonce } from '../domain/stableNonce.js';
import { threadAutoArchiveMinutes, threadName } from '../domain/threads/discussionThreads.js';
import type { ClaimedThread } from '../storage/discussionThreadRepository.js';
import type { KnowledgeRepository } from '../storage/knowledge/knowledgeRepository.js';
import { postWithNonce } from '../watchparty/channelMessages.js';
import { firstThreadMessage, starterMessage, threadsUnavailableNotice } from './threadMessages.js';

/** A claim not finished within this time is taken to be abandoned (its process died) and is taken over. */
export const defaultThreadLeaseMilliseconds = 30_000;

export interface ThreadDependencies {
  client: Client<true>;
  context: BotContext;
}

export interface ThreadReport {
  opened: number;
  failed: number;
}

/** The thread as it opens at `episode` of its series: its name and first message, gated at that episode. */
function composeThread(knowledge: KnowledgeRepository, episode: number) {
  const view = knowledge.episode(episode, episode);
  const name = threadName(shortEpisodeLabel(episode, knowledge.seasons()), episode, view?.title ?? null);
  return { name, starter: starterMessage(name, episode), first: firstThreadMessage(episode, view?.facts ?? []) };
}

/** The thread hanging from the starter message; one already there (an earlier attempt got that far) is that one. */
async function startThread(client: Client<true>, thread: ClaimedThread, starterMessageId: string, name: string): Promise<string> {
  const body: RESTPostAPIChannelMessagesThreadsJSONBody = { name, auto_archive_duration: threadAutoArchiveMinutes };
  try {
    const created = (await client.rest.post(Routes.threads(thread.channelId, starterMessageId), { body })) as APIThreadChannel;
    return created.id;
  } catch (error) {
    // Discord gives a thread started from a message the message's id.
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) return starterMessageId;
    throw error;
  }
}

/** Each step is recorded as it succeeds, so a process taking over a stale claim goes on from there. */
async function openThread({ client, context }: ThreadDependencies, thread: ClaimedThread, knowledge: KnowledgeRepository): Promise<void> {
  const ledger = context.discussionThreads;
  const composed = composeThread(knowledge, thread.episode);
  let starterMessageId = thread.starterMessageId;
  if (!starterMessageId) {
    starterMessageId = await postWithNonce(client, thread.channelId, composed.starter, stableNonce('ws', thread.id));
    await ledger.recordStarter(thread.id, starterMessageId);
  }
  let threadId = thread.threadId;
  if (!threadId) {
    threadId = await startThread(client, thread, starterMessageId, composed.name);
    await ledger.recordThread(thread.id, threadId);
  }
  await postWithNonce(client, threadId, composed.first, stableNonce('wt', thread.id));
  await ledger.markOpened(thread.id);
}

/** A starter message left without its thread says nothing useful; it goes (best effort). */
async function removeLoneStarter(client: Client<true>, thread: ClaimedThread, context: BotContext): Promise<void> {
  const row = await context.discussionThreads.steps(thread.id);
  if (!row?.starterMessageId || row.threadId) return;
  await client.rest.delete(Routes.channelMessage(thread.channelId, row.starterMessageId)).catch(() => undefined);
}

/** Returns whether the thread was given up for good. */
async function handleFailure(dependencies: ThreadDependencies, thread: ClaimedThread, error: unknown): Promise<boolean> {
  const { client, context } = dependencies;
  const failure = classifyDiscordFailure(error);
  const details = { err: error, threadRequest: thread.id, partyId: thread.partyId, episode: thread.episode, failure };
  if (failure === 'transient') {
    context.logger.warn(details, 'discussion thread not opened yet; it will be retried after its claim lease');
    return false;
  }
  await context.discussionThreads.markFailed(thread.id);
  if (failure === 'forbidden') {
    await removeLoneStarter(client, thread, context);
    // Said once per server, as for events; the bot carries on without threads.
    await context.hostNotices.add({ guildId: thread.guildId, userId: null, key: 'threads-unavailable', text: threadsUnavailableNotice });
    context.logger.info(details, 'no permission to open a discussion thread');
  } else if (failure === 'gone') context.logger.warn(details, 'discussion thread channel is gone');
  else context.logger.error({ ...details, errorId: newErrorId() }, 'Discord rejected a discussion thread');
  return true;
}

/**
 * Opens the discussion threads hosts' progress changes asked for (src/threads/moveProgress.ts), each by the one
 * process that claimed it. A thread for an episode the party has moved back from since waits, unopened, until the
 * party has finished that episode again.
 */
export async function openWantedThreads(dependencies: ThreadDependencies, now: Date, leaseMilliseconds = defaultThreadLeaseMilliseconds): Promise<ThreadReport> {
  const { context } = dependencies;
  const report: ThreadReport = { opened: 0, failed: 0 };
  for (const thread of await context.discussionThreads.claim(now, leaseMilliseconds, context.ownsGuild)) {
    const party = await context.parties.byId(thread.partyId);
    if (!party || party.seriesId !== thread.seriesId || (await context.progress.current(party.id)).episode < thread.episode) {
      await context.discussionThreads.release(thread.id);
      continue;
    }
    const series = context.series.byId(thread.seriesId);
    if (!series) {
      // Its pack was left out at start (broken or removed): nothing to name the thread with, so it is never opened.
      await context.discussionThreads.markFailed(thread.id);
      context.logger.warn({ threadRequest: thread.id, seriesId: thread.seriesId }, 'discussion thread of a series that is not installed');
      continue;
    }
    try {
      await openThread(dependencies, thread, series.knowledge);
      report.opened += 1;
    } catch (error) {
      if (await handleFailure(dependencies, thread, error)) report.failed += 1;
    }
  }
  return report;
}

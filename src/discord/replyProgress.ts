import type { BotContext } from '../context.js';
import type { Invocation } from './invocation.js';
import { safeUpToLabel } from '../domain/episodeLabels.js';
import { progressForReply } from '../domain/spoilerGate.js';
import type { Audience } from '../domain/spoilerGate.js';
import type { Party } from '../domain/party.js';
import type { KnowledgeRepository } from '../storage/knowledge/knowledgeRepository.js';
import type { InstalledSeries } from '../storage/knowledge/seriesCatalog.js';
import { watchedSeries } from './watchedSeries.js';

// What a handler reads a series through, for commands, which reach storage only through the context.
export type { KnowledgeRepository, InstalledSeries };

export interface ReplyProgress {
  /** The episode this reply is gated at. */
  progress: number;
  party: Party;
  /** The series the party watches: everything in the reply comes from its knowledge. */
  series: InstalledSeries;
  knowledge: KnowledgeRepository;
  /** "Safe up to S1E4", for the footer. */
  safeLabel: string;
}

/**
 * The progress that gates a reply in this channel, and the series it is about: the channel's party and its
 * series, lowered to the asker's own progress in that series when they are behind, or the asker's own when
 * only they will see the answer.
 */
export async function replyProgress(context: BotContext, invocation: Invocation, audience: Audience): Promise<ReplyProgress> {
  const { party, partyEpisode, personalEpisode } = await context.replyGates.forChannel(invocation.guildId, invocation.channelId, invocation.actor.userId);
  const series = watchedSeries(context, party);
  const progress = progressForReply({ partyProgress: partyEpisode, personalProgress: personalEpisode, audience });
  const { knowledge } = series;
  return { progress, party, series, knowledge, safeLabel: safeUpToLabel(progress, knowledge.seasons()) };
}

import type { BotContext } from '../context.js';
import type { Invocation } from './invocation.js';
import { safeUpToLabel } from '../domain/episodeLabels.js';
import { progressForReply } from '../domain/spoilerGate.js';
import type { Audience } from '../domain/spoilerGate.js';
import type { Party } from '../domain/party.js';

export interface ReplyProgress {
  /** The episode this reply is gated at. */
  progress: number;
  party: Party;
  /** "Safe up to S1E4", for the footer. */
  safeLabel: string;
}

/**
 * The progress that gates a reply in this channel: the channel's party, lowered to the asker's own
 * progress when they are behind, or the asker's own when only they will see the answer.
 */
export function replyProgress(context: BotContext, invocation: Invocation, audience: Audience): ReplyProgress {
  const party = context.parties.forChannelOrDefault(invocation.guildId, invocation.channelId);
  const progress = progressForReply({
    partyProgress: context.progress.current(party.id).episode,
    personalProgress: context.progress.personal(invocation.guildId, invocation.actor.userId),
    audience,
  });
  return { progress, party, safeLabel: safeUpToLabel(progress, context.knowledge.seasons()) };
}

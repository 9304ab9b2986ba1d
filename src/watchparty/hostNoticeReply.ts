import { discordLimits } from '../discord/render/discordLimits.js';
import type { Reply } from '../discord/reply.js';
import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import type { HostNoticeRepository } from '../storage/hostNoticeRepository.js';

/** One notice never takes more than this, so a long one cannot crowd out the reply or the notices after it. */
const maximumNoticeLength = 500;

function clip(text: string): string {
  return text.length <= maximumNoticeLength ? text : `${text.slice(0, maximumNoticeLength - 1)}…`;
}

/**
 * The reply with the member's waiting notices after it: as many whole notices, oldest first, as fit in Discord's
 * 2,000 characters (the rest wait for the next reply). They are marked shown only once Discord accepted the reply,
 * so a reply that fails loses none.
 */
export async function withHostNotices(
  reply: Reply,
  notices: HostNoticeRepository,
  reader: { guildId: string; userId: string; serverWide: boolean },
): Promise<Reply> {
  let content = reply.content ?? '';
  const shown: number[] = [];
  for (const notice of await notices.pending(reader.guildId, reader.userId, reader.serverWide)) {
    const text = clip(notice.text);
    const longer = content === '' ? text : `${content}\n\n${text}`;
    if (longer.length > discordLimits.messageContent) break;
    content = longer;
    shown.push(notice.id);
  }
  if (shown.length === 0) return reply;
  const { onSent } = reply;
  return {
    ...reply,
    content,
    async onSent() {
      await onSent?.();
      await notices.markShown(shown);
    },
  };
}

/**
 * A command's `afterRun` that tells the member what happened while they were away (a paused schedule, a missing
 * permission), once. Only the answers to `hostSubcommands` also carry notices meant for any host; with
 * `otherSubcommands: 'none'` the other subcommands carry no notices at all.
 */
export function noticesAfter(hostSubcommands: readonly string[], otherSubcommands: 'own notices' | 'none' = 'own notices') {
  return async (reply: Reply, invocation: Invocation, context: BotContext): Promise<Reply> => {
    const serverWide = hostSubcommands.includes(invocation.subcommand ?? '');
    if (!serverWide && otherSubcommands === 'none') return reply;
    return withHostNotices(reply, context.hostNotices, { guildId: invocation.guildId, userId: invocation.actor.userId, serverWide });
  };
}

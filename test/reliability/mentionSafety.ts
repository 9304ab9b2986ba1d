import type { StoredMessage } from '../fakeDiscord/index.js';

interface AllowedMentions {
  parse?: unknown[];
  roles?: string[];
  users?: string[];
}

/** Code blocks and code spans, where Discord shows mentions as plain text. */
const codePattern = /```[\s\S]*?```|`[^`\n]*`/g;
const massMentionPattern = /@(everyone|here)\b/g;
const roleMentionPattern = /<@&(\d+)>/g;

/**
 * What in a message could ping, or look like a ping, that the bot did not mean: allowed mentions
 * that let Discord parse mentions from the text, roles allowed that the reply did not intend, and
 * @everyone, @here or role mentions outside code that a member typed.
 */
export function mentionProblems(message: StoredMessage, intendedRoleIds: readonly string[] = []): string[] {
  const problems: string[] = [];
  const allowed = message.allowedMentions as AllowedMentions | null;
  if (message.content !== '' && allowed === null) problems.push('no allowed_mentions: Discord would ping every mention in the text');
  if (allowed?.parse && allowed.parse.length > 0) problems.push(`allowed_mentions.parse is ${JSON.stringify(allowed.parse)}`);
  for (const role of allowed?.roles ?? []) if (!intendedRoleIds.includes(role)) problems.push(`allowed_mentions lets role ${role} be pinged`);
  const outsideCode = message.content.replace(codePattern, '');
  for (const [mention] of outsideCode.matchAll(massMentionPattern)) problems.push(`"${mention}" in the text`);
  for (const [mention, roleId] of outsideCode.matchAll(roleMentionPattern)) {
    if (!intendedRoleIds.includes(roleId ?? '')) problems.push(`"${mention}" in the text`);
  }
  return problems;
}

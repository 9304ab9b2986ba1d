import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../fakeDiscord/index.js';
import { mentionProblems } from './mentionSafety.js';

const safe = { parse: [], roles: [], replied_user: false };

function message(content: string, allowedMentions: unknown = safe): StoredMessage {
  return { content, allowedMentions } as StoredMessage;
}

describe('mentionProblems', () => {
  it.each([
    ['plain text', message('hello'), []],
    ['a mass mention in a code span', message('I read `@everyone 8pm` as 20:00'), []],
    ['a mass mention in a code block', message('```\n@here\n```'), []],
    ['an intended role ping', message('<@&111> starts now', { parse: [], roles: ['111'] }), []],
    ['@everyone in the text', message('title @everyone'), ['"@everyone" in the text']],
    ['@here in the text', message('@here'), ['"@here" in the text']],
    ['a role a member typed', message('hi <@&222>'), ['"<@&222>" in the text']],
    ['no allowed mentions', message('hello', null), ['no allowed_mentions: Discord would ping every mention in the text']],
    ['parsing mentions from the text', message('hello', { parse: ['everyone'] }), ['allowed_mentions.parse is ["everyone"]']],
    ['a role allowed but not intended', message('hello', { parse: [], roles: ['333'] }), ['allowed_mentions lets role 333 be pinged']],
  ])('%s', (_, candidate, expected) => {
    expect(mentionProblems(candidate, ['111'])).toEqual(expected);
  });
});

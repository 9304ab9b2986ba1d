import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../test/fakeDiscord/index.js';
import { MessageFeed } from './messageFeed.js';

function message(id: string, content: string, extra: Partial<StoredMessage> = {}): StoredMessage {
  return {
    id,
    channelId: 'c1',
    guildId: 'g',
    authorId: 'bot',
    content,
    embeds: [],
    components: [],
    attachments: [],
    flags: 0,
    type: 0,
    allowedMentions: null,
    nonce: null,
    messageReference: null,
    createdAt: new Date(0),
    editedAt: null,
    ephemeral: false,
    webhookId: null,
    interaction: null,
    ...extra,
  };
}

/** A channel whose messages the test edits and deletes as the fake Discord would. */
function channel() {
  const messages = new Map<string, StoredMessage>();
  const feed = new MessageFeed(
    { channelIds: () => ['c1'], channelMessages: () => [...messages.values()], message: (_channelId, id) => messages.get(id) },
    (shown, heading) => `${heading.prefix ?? ''}${heading.author} · msg ${heading.number}: ${shown.content}`,
  );
  return { messages, feed, changes: () => feed.changes(() => '') };
}

describe('MessageFeed', () => {
  it('shows what the bot posts by itself, once, and not answers to commands (those are shown as they come back)', () => {
    const { messages, changes } = channel();
    messages.set('1', message('1', 'Question 1'));
    messages.set('2', message('2', 'your answer', { webhookId: 'w' }));
    expect(changes()).toEqual(['Watchalong · msg 1: Question 1']);
    expect(changes()).toEqual([]);
  });

  it('shows an edit as an edit of the message it changes, and a deletion', () => {
    const { messages, feed, changes } = channel();
    const question = message('1', 'Question 1: nobody answered');
    messages.set('1', question);
    feed.show(question);
    question.content = 'Question 1: 1 answered';
    expect(changes()).toEqual(['✎ edited: Watchalong · msg 1: Question 1: 1 answered']);
    expect(changes()).toEqual([]);
    messages.delete('1');
    expect(changes()).toEqual(['🗑 msg 1 was deleted']);
  });

  it('shows nothing for a message shown again unchanged', () => {
    const { feed } = channel();
    const reminder = message('1', 'Going · 0');
    expect(feed.show(reminder)).toBe('Watchalong · msg 1: Going · 0');
    expect(feed.show(reminder)).toBe('');
  });

  it('finds messages with buttons, newest first, those in this channel first', () => {
    const { feed } = channel();
    const buttons = [{ type: 1, components: [{ type: 2, label: 'Going', custom_id: 'rsvp' }] }];
    feed.show(message('1', 'here', { components: buttons }));
    feed.show(message('2', 'elsewhere', { channelId: 'c2', components: buttons }));
    feed.show(message('3', 'no buttons'));
    expect(feed.withButtons('c1').map((entry) => entry.number)).toEqual([1, 2]);
    expect(feed.byNumber(3)?.content).toBe('no buttons');
  });
});

import type { StoredMessage } from '../test/fakeDiscord/index.js';
import { clickableButtons } from './renderMessage.js';
import type { ClickableButton, MessageHeading } from './renderMessage.js';

interface ShownMessage {
  number: number;
  channelId: string;
  /** What the message looked like when last shown: an edit is a change of it. */
  signature: string;
  /** The live message; the fake Discord edits it in place. */
  message: StoredMessage;
}

/** Where a message is in the fake Discord, to look it up again. */
export interface MessageSource {
  channelIds(): string[];
  channelMessages(channelId: string): StoredMessage[];
  message(channelId: string, messageId: string): StoredMessage | undefined;
}

const signatureOf = (message: StoredMessage) => JSON.stringify([message.content, message.embeds, message.components, message.attachments.map((file) => file.filename)]);

/**
 * Every message the terminal has shown, numbered so any of them can be clicked (`click Going on 3`), and
 * what changed since: messages the bot posted on its own, edits (a quiz reveal, RSVP counts, "2 answered")
 * and deletions, each shown as a change of the message it concerns.
 */
export class MessageFeed {
  private readonly shown = new Map<string, ShownMessage>();
  private nextNumber = 1;

  constructor(
    private readonly source: MessageSource,
    private readonly render: (message: StoredMessage, heading: MessageHeading) => string,
  ) {}

  /** Shows a message, new or (when already shown) as an edit of itself; nothing when it has not changed. */
  show(message: StoredMessage, prefix = ''): string {
    const known = this.shown.get(message.id);
    if (known) {
      if (known.signature === signatureOf(message)) return '';
      known.signature = signatureOf(message);
      return this.render(message, { author: `✎ edited: ${prefix}Watchalong`, number: known.number });
    }
    const number = this.nextNumber++;
    this.shown.set(message.id, { number, channelId: message.channelId, signature: signatureOf(message), message });
    return this.render(message, { author: 'Watchalong', number, prefix });
  }

  /**
   * What happened since last asked, oldest first: new messages the bot posted by itself (not answers to
   * commands, which `show` shows as they come back), edits and deletions of messages already shown.
   * `channelPrefix` names the channel for messages outside the current one.
   */
  changes(channelPrefix: (channelId: string) => string): string[] {
    const output: string[] = [];
    for (const [id, known] of this.shown) {
      const current = this.source.message(known.channelId, id);
      if (!current) {
        this.shown.delete(id);
        output.push(`🗑 ${channelPrefix(known.channelId)}msg ${known.number} was deleted`);
      } else if (signatureOf(current) !== known.signature) {
        output.push(this.show(current, channelPrefix(known.channelId)));
      }
    }
    for (const channelId of this.source.channelIds()) {
      for (const message of this.source.channelMessages(channelId)) {
        if (!this.shown.has(message.id) && message.webhookId === null && !message.ephemeral) output.push(this.show(message, channelPrefix(channelId)));
      }
    }
    return output;
  }

  /** A shown message by its number. */
  byNumber(number: number): StoredMessage | undefined {
    return [...this.shown.values()].find((known) => known.number === number)?.message;
  }

  /** Shown messages with buttons, newest first, those in `channelId` before the rest. */
  withButtons(channelId: string): Array<{ message: StoredMessage; number: number; buttons: ClickableButton[] }> {
    return [...this.shown.values()]
      .map((known) => ({ message: known.message, number: known.number, buttons: clickableButtons(known.message) }))
      .filter((entry) => entry.buttons.length > 0)
      .sort((left, right) => Number(right.message.channelId === channelId) - Number(left.message.channelId === channelId) || right.number - left.number);
  }
}

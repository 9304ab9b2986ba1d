import { renderMarkup } from './discordMarkup.js';
import type { MarkupContext } from './discordMarkup.js';

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: Array<{ name?: string; value?: string }>;
  footer?: { text?: string };
}

interface ComponentLike {
  type?: number;
  label?: string;
  custom_id?: string;
  disabled?: boolean;
  components?: ComponentLike[];
}

export interface RenderableMessage {
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: Array<{ filename: string; size: number }>;
  ephemeral: boolean;
}

export interface ClickableButton {
  number: number;
  label: string;
  customId: string;
}

/** How a message is introduced: who wrote it, and the number `click … on N` refers to it by. */
export interface MessageHeading {
  author: string;
  number: number;
  /** Shown before the author, e.g. `#general ·` for a message posted while you were elsewhere. */
  prefix?: string;
}

const width = 72;
const inner = width - 4;

/** Characters a terminal draws two columns wide: CJK, kana, Hangul, full-width forms and emoji. */
const doubleWidth = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\p{Emoji_Presentation}]/u;

/** How many terminal columns text takes, so boxes line up around Japanese names. */
export function columns(text: string): number {
  let total = 0;
  for (const character of text) total += doubleWidth.test(character) ? 2 : 1;
  return total;
}

/** How many characters of `text` fit in `limit` columns. */
function fitting(text: string, limit: number): number {
  let used = 0;
  let count = 0;
  for (const character of text) {
    used += columns(character);
    if (used > limit) break;
    count += character.length;
  }
  return count;
}

function wrap(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const lines: string[] = [];
    let rest = line;
    while (columns(rest) > inner) {
      const fits = fitting(rest, inner);
      const cut = rest.lastIndexOf(' ', fits);
      const at = cut > 0 ? cut : fits;
      lines.push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    lines.push(rest);
    return lines;
  });
}

function box(embed: EmbedLike, markup: (text: string) => string): string[] {
  const body = [
    ...(embed.title ? [...wrap(markup(embed.title).toUpperCase()), ''] : []),
    ...(embed.description ? wrap(markup(embed.description)) : []),
    ...(embed.fields ?? []).flatMap((field) => ['', `▸ ${markup(field.name ?? '')}`, ...wrap(markup(field.value ?? '')).map((line) => `  ${line}`)]),
    ...(embed.footer?.text ? ['', ...wrap(`— ${markup(embed.footer.text)}`)] : []),
  ];
  return [
    `┌${'─'.repeat(width - 2)}┐`,
    ...body.map((line) => `│ ${line}${' '.repeat(Math.max(0, inner - columns(line)))} │`),
    `└${'─'.repeat(width - 2)}┘`,
  ];
}

function buttonsOf(message: RenderableMessage): ComponentLike[] {
  return (message.components as ComponentLike[]).flatMap((row) => row.components ?? [row]).filter((component) => component.custom_id);
}

/** The buttons a user can press, numbered in reading order for `click N`. */
export function clickableButtons(message: RenderableMessage): ClickableButton[] {
  return buttonsOf(message)
    .filter((component) => !component.disabled)
    .map((component, index) => ({ number: index + 1, label: component.label ?? component.custom_id ?? '', customId: component.custom_id ?? '' }));
}

/**
 * A button label as it is typed: `Next ▶` → `next`, `Going · 2` → `going`, `Can’t · 0` → `cant`.
 * Arrows, emoji, counts, punctuation and case do not matter.
 */
export function labelKey(label: string): string {
  return label
    .replace(/\s*(?:·\s*\d+|\(\d+\))\s*$/, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A message as a terminal shows it: mentions and times as Discord draws them, embeds as boxes, buttons numbered. */
export function renderMessage(message: RenderableMessage, heading: MessageHeading, markupContext: MarkupContext): string {
  const markup = (text: string) => renderMarkup(text, markupContext);
  const lines = [`${heading.prefix ?? ''}${heading.author} · msg ${heading.number}${message.ephemeral ? '  (only you can see this)' : ''}`];
  if (message.content) lines.push(...wrap(markup(message.content)));
  for (const embed of message.embeds as EmbedLike[]) lines.push(...box(embed, markup));
  for (const attachment of message.attachments) {
    const hint = attachment.filename.endsWith('.ics') ? '  (type "calendar" to read it)' : '';
    lines.push(`📎 ${attachment.filename} (${attachment.size} bytes)${hint}`);
  }
  let number = 0;
  const buttons = buttonsOf(message).map((button) => (button.disabled ? `( ${button.label ?? ''} )` : `[${(number += 1)}] ${button.label ?? ''}`));
  if (buttons.length > 0) lines.push(buttons.join('   '));
  return lines.join('\n');
}

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

function wrap(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const lines: string[] = [];
    let rest = line;
    while (rest.length > width - 4) {
      const cut = rest.lastIndexOf(' ', width - 4);
      const at = cut > 0 ? cut : width - 4;
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
  const inner = width - 4;
  return [
    `┌${'─'.repeat(width - 2)}┐`,
    ...body.map((line) => `│ ${line.slice(0, inner).padEnd(inner)} │`),
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

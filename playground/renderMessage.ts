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
  placeholder?: string;
  options?: Array<{ label?: string; value?: string }>;
  components?: ComponentLike[];
}

export interface RenderableMessage {
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: Array<{ filename: string; size: number }>;
  ephemeral: boolean;
}

export interface ClickableComponent {
  number: number;
  label: string;
  customId: string;
  /** Options of a select menu; empty for a button. */
  options: Array<{ label: string; value: string }>;
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

function box(embed: EmbedLike): string[] {
  const body = [
    ...(embed.title ? [embed.title.toUpperCase(), ''] : []),
    ...(embed.description ? wrap(embed.description) : []),
    ...(embed.fields ?? []).flatMap((field) => ['', `▸ ${field.name ?? ''}`, ...wrap(field.value ?? '').map((line) => `  ${line}`)]),
    ...(embed.footer?.text ? ['', `— ${embed.footer.text}`] : []),
  ];
  const inner = width - 4;
  return [
    `┌${'─'.repeat(width - 2)}┐`,
    ...body.map((line) => `│ ${line.slice(0, inner).padEnd(inner)} │`),
    `└${'─'.repeat(width - 2)}┘`,
  ];
}

/** Every button and select menu of a message, numbered in reading order for `click N`. */
export function clickableComponents(message: RenderableMessage): ClickableComponent[] {
  const flat = (message.components as ComponentLike[]).flatMap((row) => row.components ?? [row]);
  return flat
    .filter((component) => component.custom_id && !component.disabled)
    .map((component, index) => ({
      number: index + 1,
      label: component.label ?? component.placeholder ?? component.custom_id ?? '',
      customId: component.custom_id ?? '',
      options: (component.options ?? []).map((option) => ({ label: option.label ?? '', value: option.value ?? '' })),
    }));
}

/** A message as a terminal shows it: embeds as boxes, ephemeral marked, buttons numbered. */
export function renderMessage(message: RenderableMessage, author: string): string {
  const lines = [`${author}${message.ephemeral ? '  (only you can see this)' : ''}`];
  if (message.content) lines.push(...wrap(message.content));
  for (const embed of message.embeds as EmbedLike[]) lines.push(...box(embed));
  for (const attachment of message.attachments) lines.push(`📎 ${attachment.filename} (${attachment.size} bytes)`);
  const clickable = clickableComponents(message);
  if (clickable.length > 0) lines.push(clickable.map((component) => `[${component.number}] ${component.label}`).join('   '));
  return lines.join('\n');
}

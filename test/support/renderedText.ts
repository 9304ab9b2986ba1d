import type { StoredMessage } from '../fakeDiscord/index.js';

interface EmbedLike {
  title?: string;
  description?: string;
  footer?: { text?: string };
  author?: { name?: string };
  fields?: Array<{ name?: string; value?: string }>;
}

interface ComponentLike {
  label?: string;
  placeholder?: string;
  options?: Array<{ label?: string; description?: string }>;
  components?: ComponentLike[];
}

function componentText(component: ComponentLike): string[] {
  return [
    component.label ?? '',
    component.placeholder ?? '',
    ...(component.options ?? []).flatMap((option) => [option.label ?? '', option.description ?? '']),
    ...(component.components ?? []).flatMap(componentText),
  ];
}

/** Everything a user can read in a message: content, embeds, button labels, menu options, attachments. */
export function renderedText(message: StoredMessage | undefined): string {
  if (!message) return '';
  const embeds = (message.embeds as EmbedLike[]).flatMap((embed) => [
    embed.title ?? '',
    embed.description ?? '',
    embed.author?.name ?? '',
    embed.footer?.text ?? '',
    ...(embed.fields ?? []).flatMap((field) => [field.name ?? '', field.value ?? '']),
  ]);
  const components = (message.components as ComponentLike[]).flatMap(componentText);
  const attachments = message.attachments.flatMap((attachment) => [attachment.filename, attachment.data.toString('utf8')]);
  return [message.content, ...embeds, ...components, ...attachments].filter((text) => text !== '').join('\n');
}

import type { StoredMessage } from '../fakeDiscord/index.js';
import { renderedText } from '../support/renderedText.js';

/**
 * What the bot sent, split by who sees it: `displayed` is what Discord shows a member (content,
 * embeds, labels, menu options, attachments, event names), `machine` what it sends without showing
 * it (custom ids, autocomplete and menu values), readable to anyone who inspects the client.
 */
export interface Shown {
  displayed: string[];
  machine: string[];
}

interface ComponentLike {
  custom_id?: string;
  options?: Array<{ value?: string }>;
  components?: ComponentLike[];
  accessory?: ComponentLike;
}

function componentIds(component: ComponentLike): string[] {
  return [
    ...(component.custom_id === undefined ? [] : [component.custom_id]),
    ...(component.options ?? []).flatMap((option) => (option.value === undefined ? [] : [option.value])),
    ...(component.components ?? []).flatMap(componentIds),
    ...(component.accessory ? componentIds(component.accessory) : []),
  ];
}

/** Ids like `page:character:1:fred-faraday:all` read as words, so a name inside them is found like a name in text. */
function asWords(id: string): string {
  return id.replace(/[-_:]+/g, ' ');
}

export function shownInMessage(message: StoredMessage): Shown {
  return { displayed: [renderedText(message)], machine: (message.components as ComponentLike[]).flatMap(componentIds).map(asWords) };
}

export function shownInChoices(choices: ReadonlyArray<{ name: string; value: string | number }>): Shown {
  return { displayed: choices.map((choice) => choice.name), machine: choices.map((choice) => asWords(String(choice.value))) };
}

/** A Discord scheduled event: its name, description and location are shown in the server's event list. */
export function shownInEvent(event: Record<string, unknown>): Shown {
  const metadata = event['entity_metadata'] as { location?: string } | null | undefined;
  const displayed = [event['name'], event['description'], metadata?.location].filter((text): text is string => typeof text === 'string');
  return { displayed, machine: [] };
}

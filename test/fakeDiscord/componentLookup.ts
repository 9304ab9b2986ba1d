import { ComponentType } from 'discord.js';
import type { StoredMessage } from './types.js';

type Json = Record<string, unknown>;

/** Finds a component by custom_id anywhere in a message: in action rows, and in components-v2 containers and sections. */
export function findComponent(message: StoredMessage, customId: string): Json | undefined {
  const pending: unknown[] = [...message.components];
  while (pending.length > 0) {
    const candidate = pending.shift();
    if (typeof candidate !== 'object' || candidate === null) continue;
    const component = candidate as Json;
    if (component['custom_id'] === customId) return component;
    if (Array.isArray(component['components'])) pending.push(...component['components']);
    if (component['accessory'] !== undefined) pending.push(component['accessory']);
    if (component['component'] !== undefined) pending.push(component['component']);
  }
  return undefined;
}

export const SELECT_MENU_TYPES = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

/** What Discord's client lets a user pick: between min_values and max_values, and for string selects only listed values. */
export function findSelectionProblem(component: Json, values: string[]): string | undefined {
  const min = typeof component['min_values'] === 'number' ? component['min_values'] : 1;
  const max = typeof component['max_values'] === 'number' ? component['max_values'] : 1;
  if (values.length < min || values.length > max) return `takes between ${min} and ${max} values, got ${values.length}`;
  if (component['type'] !== ComponentType.StringSelect) return undefined;
  const offered = (Array.isArray(component['options']) ? component['options'] : []).map((option) => String((option as Json)['value']));
  const unknown = values.filter((value) => !offered.includes(value));
  return unknown.length > 0 ? `does not offer ${unknown.join(', ')} (offers ${offered.join(', ')})` : undefined;
}

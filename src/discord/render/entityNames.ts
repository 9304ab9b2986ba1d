import type { EntityName } from '../../domain/knowledge.js';

export interface RevealedName {
  name: string;
  nameKind: string;
}

/** Every other visible name (aliases, nicknames, Japanese spellings, earlier primary names), without repeats. */
export function otherNames(names: readonly RevealedName[], current: string): string[] {
  return [...new Set(names.map((name) => name.name))].filter((name) => name !== current);
}

/** The current name of every entity in a list of visible names, by entity id. */
export function currentNamesById(names: readonly EntityName[]): Map<string, string> {
  const inRevealOrder = [...names].sort((left, right) => left.revealedIn - right.revealedIn);
  const current = new Map<string, string>();
  for (const name of inRevealOrder) {
    if (!current.has(name.entityId)) current.set(name.entityId, name.primaryName);
    if (name.nameKind === 'primary') current.set(name.entityId, name.name);
  }
  return current;
}

import type { EntityName } from './knowledge.js';

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

import type { KnowledgeRepository } from '../src/storage/knowledge/knowledgeRepository.js';

export interface PackInputs {
  /** What autocomplete sends as a /character value. */
  entityIds: string[];
  /** Every name visible at the last episode, as a member would type it. */
  names: string[];
  /** The first word of each name, for /search. */
  words: string[];
  /** An empty box and the first one to three letters of each name, for autocomplete. */
  prefixes: string[];
}

/** What members type, taken from the pack itself, so the benchmark invents nothing about the series. */
export function packInputs(knowledge: KnowledgeRepository): PackInputs {
  const visible = knowledge.visibleNames(knowledge.episodeCount());
  const names = [...new Set(visible.map((name) => name.name))];
  return {
    entityIds: [...new Set(visible.map((name) => name.entityId))],
    names,
    words: [...new Set(names.map((name) => name.split(/\s+/)[0] ?? name))],
    prefixes: names.flatMap((name) => ['', name.slice(0, 1), name.slice(0, 2), name.slice(0, 3)]),
  };
}

/** The item for this iteration, going round the list. */
export function pick<Item>(items: readonly Item[], iteration: number): Item {
  const item = items[iteration % items.length];
  if (item === undefined) throw new Error('bench: nothing to pick from');
  return item;
}

/** A /character value as members send it: every other one picked from autocomplete (an id), the rest typed (a name). */
export function characterValue(inputs: PackInputs, iteration: number): string {
  return pick(iteration % 2 === 0 ? inputs.entityIds : inputs.names, iteration >> 1);
}

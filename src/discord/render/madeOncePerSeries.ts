import { recentlyUsed } from '../../domain/recentlyUsed.js';
import type { KnowledgeRepository } from '../../storage/knowledge/knowledgeRepository.js';

/**
 * What depends on a series, the progress and a key alone (never on who asks or where), each made once: a card, or
 * the choices offered for what was typed. A pack never changes while the bot runs, and a card made anew is also
 * laid out anew (~25 µs for a character's). Each series keeps the `capacity` progress and key pairs used most recently.
 */
export function madeOncePerSeries<Value>(
  capacity: number,
  make: (progress: number, knowledge: KnowledgeRepository, key: string) => Value,
): (progress: number, knowledge: KnowledgeRepository, key?: string) => Value {
  const bySeries = new WeakMap<KnowledgeRepository, (key: string, make: () => Value) => Value>();
  return (progress, knowledge, key = '') => {
    let made = bySeries.get(knowledge);
    if (!made) bySeries.set(knowledge, (made = recentlyUsed<Value>(capacity)));
    return made(`${progress} ${key}`, () => make(progress, knowledge, key));
  };
}

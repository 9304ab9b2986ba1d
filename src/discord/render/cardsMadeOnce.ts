import { recentlyUsed } from '../../domain/recentlyUsed.js';
import type { KnowledgeRepository } from '../../storage/knowledge/knowledgeRepository.js';
import type { Card } from './cardPage.js';

/**
 * Cards that depend on their series, the progress and a key alone, never on who asks or where, each made once: a
 * pack never changes while the bot runs, and a card made anew is laid out anew (~25 µs for a character's). Each
 * series keeps the `capacity` progress and key pairs used most recently.
 */
export function cardsMadeOnce(
  capacity: number,
  make: (progress: number, knowledge: KnowledgeRepository, key: string) => Card | null,
): (progress: number, knowledge: KnowledgeRepository, key?: string) => Card | null {
  const bySeries = new WeakMap<KnowledgeRepository, (key: string, make: () => Card | null) => Card | null>();
  return (progress, knowledge, key = '') => {
    let cards = bySeries.get(knowledge);
    if (!cards) bySeries.set(knowledge, (cards = recentlyUsed<Card | null>(capacity)));
    return cards(`${progress} ${key}`, () => make(progress, knowledge, key));
  };
}

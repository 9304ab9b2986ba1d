import type { Database } from 'better-sqlite3';
import type { InteractionOutcome } from '../fakeDiscord/index.js';
import { renderedText } from '../support/renderedText.js';

/** One interaction that changes the database, and how to find its change again. */
export interface Write {
  label: string;
  send(): Promise<InteractionOutcome>;
  /** What is missing from the database that the bot's answer promised; undefined when all of it is there. */
  findLoss(database: Database, answer: string): string | undefined;
}

export interface Acknowledged {
  write: Write;
  answer: string;
}

export interface BurstResult {
  /** Writes whose complete answer reached Discord before the kill, in arrival order. */
  acknowledged: Acknowledged[];
  /** Writes sent to the bot, answered or not. */
  sent: number;
}

/**
 * Sends `writes` one every `spacingMilliseconds` and calls `kill` the moment the `killAfter`-th answer
 * arrives, while later writes are still in flight (or once every write is settled, if fewer are answered).
 * Nothing is sent after the kill.
 */
export function burstThenKill(writes: Write[], options: { spacingMilliseconds: number; killAfter: number; kill: () => void }): Promise<BurstResult> {
  const acknowledged: Acknowledged[] = [];
  let sent = 0;
  let settled = 0;
  let killed = false;
  return new Promise((resolve) => {
    const kill = () => {
      if (killed) return;
      killed = true;
      options.kill();
      resolve({ acknowledged: [...acknowledged], sent });
    };
    writes.forEach((write, index) => {
      setTimeout(() => {
        if (killed) return;
        sent += 1;
        write
          .send()
          .then(
            (outcome) => {
              if (!killed) acknowledged.push({ write, answer: renderedText(outcome.message) });
              if (acknowledged.length >= options.killAfter) kill();
            },
            // Unanswered because of the kill; only answered writes must survive it.
            () => undefined,
          )
          .finally(() => {
            settled += 1;
            if (settled === writes.length) kill();
          });
      }, index * options.spacingMilliseconds);
    });
  });
}

/** Round-robin over the lists, so a kill lands in the middle of every kind of write. */
export function interleave<Item>(lists: Item[][]): Item[] {
  const longest = Math.max(...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, index) => lists.flatMap((list) => (index < list.length ? [list[index] as Item] : []))).flat();
}

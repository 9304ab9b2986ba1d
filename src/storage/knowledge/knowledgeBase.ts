import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { registerSpoilerGate } from '../database.js';

/**
 * Opens one compiled pack for reading: its file is attached as schema `kb` (as every knowledge query names it)
 * to a connection of its own that refuses writes, with the spoiler gate registered.
 */
export function openKnowledgeBase(compiledFile: string): Database {
  const database = new BetterSqlite3(':memory:');
  try {
    registerSpoilerGate(database);
    database.prepare('ATTACH DATABASE ? AS kb').run(compiledFile);
    database.pragma('query_only = ON');
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

/** The id of the pack compiled into a knowledge base (its pack.json id). */
export function packIdOf(knowledgeBase: Database): string {
  return knowledgeBase.prepare("SELECT value FROM kb.pack_meta WHERE key = 'id'").pluck().get() as string;
}

import type { Database } from '../../src/storage/database.js';

/**
 * Tables the timed jobs write to on their own (claimed reminders, mirrored Discord events, the
 * next quiz question, final scores, notices for hosts). A fingerprint leaves them out so that a
 * tick landing between two interactions is not taken for a change an interaction made.
 */
const writtenByTimedJobs = new Set([
  'reminder_deliveries',
  'schedule_events',
  'host_notices',
  'trivia_quiz_questions',
  'trivia_scores',
  'bot_state',
]);

/** Tables only interactions change, compared row by row; the others (schedules, quizzes: jobs update their rows) by count. */
const changedOnlyByInteractions = ['parties', 'progress_changes', 'member_progress', 'guild_settings', 'rsvps', 'trivia_answers'];

/**
 * Rows that appear on first look rather than by anyone's choice: a server's default party is
 * created the first time any interaction there asks which party a channel belongs to.
 */
const createdOnFirstLook: Record<string, string> = { parties: 'channel_id IS NULL' };

function rowsOf(table: string): string {
  const implicit = createdOnFirstLook[table];
  return implicit ? `main."${table}" WHERE NOT (${implicit})` : `main."${table}"`;
}

/**
 * The state a refused or invalid interaction must leave exactly as it was: every party, progress
 * change, setting, RSVP and answer, and how many schedules and quizzes there are.
 */
export function stateFingerprint(database: Database): string {
  const tables = database
    .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = Object.fromEntries(
    tables
      .filter((table) => !writtenByTimedJobs.has(table))
      .map((table) => [table, database.prepare(`SELECT COUNT(*) FROM ${rowsOf(table)}`).pluck().get() as number]),
  );
  const rows = Object.fromEntries(
    changedOnlyByInteractions.filter((table) => tables.includes(table)).map((table) => [table, database.prepare(`SELECT * FROM ${rowsOf(table)} ORDER BY rowid`).all()]),
  );
  return JSON.stringify({ counts, rows });
}

import type { SqlDatabase } from '../../src/storage/database.js';

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
export async function stateFingerprint(database: SqlDatabase): Promise<string> {
  const tables = (
    await database.all<{ name: string }>("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
  ).map((row) => row.name);
  const counts: Record<string, number> = {};
  for (const table of tables.filter((name) => !writtenByTimedJobs.has(name))) counts[table] = Number(await database.value(`SELECT COUNT(*) FROM ${rowsOf(table)}`));
  const rows: Record<string, unknown[]> = {};
  for (const table of changedOnlyByInteractions.filter((name) => tables.includes(name))) {
    rows[table] = await database.all(`SELECT * FROM ${rowsOf(table)} ORDER BY rowid`);
  }
  return JSON.stringify({ counts, rows });
}

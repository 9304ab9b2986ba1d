import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startQuiz } from '../domain/trivia/index.js';
import { askedQuestion } from '../../test/support/quizFixtures.js';
import { runScript } from '../../test/support/botProcess.js';
import { createPostgresDatabase, postgresUnavailable } from '../../test/postgres/testDatabases.js';
import type { TestDatabase } from '../../test/postgres/testDatabases.js';
import { CopyRefusedError, copyStateToPostgres } from './copyState.js';
import { openMigratedSqliteFile, openSqliteStateDatabase, openStateDatabase } from './database.js';
import { createStateRepositories } from './stateRepositories.js';

const now = () => new Date('2026-03-01T20:00:00Z');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A SQLite state file with a bit of everything: parties, progress, a schedule and its reminder, a quiz, settings. */
async function filledStateFile(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'watchalong-copy-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const path = join(folder, 'state.sqlite');
  const database = openSqliteStateDatabase(path);
  const state = createStateRepositories(database, now, () => 'hero-mask');
  const dub = await state.parties.create({ guildId: 'g1', name: 'Dub', channelId: 'c2', hostRoleId: null, seriesId: 'hero-mask' });
  await state.progress.set(dub.id, 3, 'host');
  await state.progress.set((await state.parties.findOrCreateDefault('g1')).id, 5, 'host');
  await state.progress.setPersonal('g1', 'carol', 'hero-mask', 2);
  await state.settings.update('g1', { timeZone: 'Europe/Berlin' });
  const schedule = await state.schedules.create({
    guildId: 'g1',
    partyId: dub.id,
    channelId: 'c2',
    pingRoleId: null,
    title: 'Saturday',
    schedule: { firstStart: new Date('2026-03-07T20:00:00Z'), zone: 'UTC', repeat: 'weekly' },
    episodes: 2,
    leadMinutes: [60, 0],
    createdBy: 'host',
  });
  await state.reminderDeliveries.claimDue(schedule.id, new Date('2026-03-07T19:00:00Z'));
  await state.rsvps.answer(schedule.id, 0, 'carol', 'going');
  const quiz = startQuiz({ quizId: 'quiz-1', channelId: 'c1', starterId: 'ann', questions: [askedQuestion('q0', 0)], secondsPerQuestion: 20, now: now() });
  await state.quizzes.create({ guildId: 'g1', progress: 5, seriesId: 'hero-mask', state: quiz });
  await state.discussionThreads.request({ partyId: dub.id, seriesId: 'hero-mask', guildId: 'g1', channelId: 'c2', episodes: [3] });
  await database.close();
  return path;
}

async function emptyPostgres(): Promise<TestDatabase> {
  const database = await createPostgresDatabase();
  cleanups.push(() => database.drop());
  return database;
}

describe.skipIf(postgresUnavailable() !== null)(`npm run migrate-to-postgres${postgresUnavailable() ? ` (did not run: ${postgresUnavailable()})` : ''}`, () => {
  it('copies every row, carries the bot on where it was, and copies nothing the second time', async () => {
    const path = await filledStateFile();
    const target = await emptyPostgres();
    const source = openMigratedSqliteFile(path);
    cleanups.push(() => void source.close());
    const postgres = await openStateDatabase({ path: '', url: target.url });
    cleanups.push(() => postgres.close());

    const first = await copyStateToPostgres(source, postgres);
    expect(first.every((copy) => copy.identical && copy.source === copy.target)).toBe(true);
    expect(first.find((copy) => copy.table === 'parties')).toMatchObject({ source: 2, copied: 2, target: 2 });
    const second = await copyStateToPostgres(source, postgres);
    expect(second.map((copy) => copy.copied)).toEqual(second.map(() => 0));

    const state = createStateRepositories(postgres, now, () => 'hero-mask');
    const dub = await state.parties.byName('g1', 'dub');
    expect((await state.progress.current(dub!.id)).episode).toBe(3);
    expect(await state.progress.personal('g1', 'carol', 'hero-mask')).toBe(2);
    expect((await state.settings.get('g1')).timeZone).toBe('Europe/Berlin');
    expect(await state.schedules.listOpen('g1')).toHaveLength(1);
    expect(await state.reminderDeliveries.state({ scheduleId: 1, occurrenceIndex: 0, leadMinutes: 60 })).toBe('claimed');
    expect((await state.quizzes.runningInChannel('c1'))?.quizId).toBe('quiz-1');
    // New rows continue after the copied ids instead of colliding with them.
    const sub = await state.parties.create({ guildId: 'g1', name: 'Sub', channelId: 'c3', hostRoleId: null, seriesId: 'hero-mask' });
    expect(sub.id).toBeGreaterThan(dub!.id);
  });

  it('refuses to mix a file into a database that holds other state, and keeps nothing of the attempt', async () => {
    const target = await emptyPostgres();
    const postgres = await openStateDatabase({ path: '', url: target.url });
    cleanups.push(() => postgres.close());
    await createStateRepositories(postgres, now, () => 'hero-mask').parties.findOrCreateDefault('another-server');
    const source = openMigratedSqliteFile(await filledStateFile());
    cleanups.push(() => void source.close());
    await expect(copyStateToPostgres(source, postgres)).rejects.toThrowError(CopyRefusedError);
    expect(Number(await postgres.value('SELECT COUNT(*) FROM progress_changes'))).toBe(0);
  });

  it('runs as npm run migrate-to-postgres, twice, and says what it copied', async () => {
    const path = await filledStateFile();
    const target = await emptyPostgres();
    for (const run of [1, 2]) {
      const script = runScript('scripts/migrateToPostgres.ts', { PATH: process.env['PATH'] ?? '' }, ['--from', path, '--to', target.url ?? '']);
      expect(await script.exited).toEqual({ code: 0, signal: null });
      expect(script.output()).toMatch(run === 1 ? /Copied [1-9]\d* rows .* every table holds exactly the file's rows/ : /Copied 0 rows .* every table holds exactly the file's rows/);
    }
  }, 60_000);
});

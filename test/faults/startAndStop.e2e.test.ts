import { existsSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { migrations } from '../../src/storage/migrations/index.js';
import { createWorld } from '../support/botHarness.js';
import type { TestWorld } from '../support/botHarness.js';
import { renderedText } from '../support/renderedText.js';
import { botFiles, spawnBot } from '../support/botProcess.js';

/* `npm start` as a process: how it stops on a signal, and how it refuses a database it does not understand. */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function newWorld(): Promise<TestWorld> {
  const world = await createWorld(undefined);
  cleanups.push(async () => {
    await world.fake.close();
    rmSync(world.folder, { recursive: true, force: true });
  });
  return world;
}

describe('stopping on a signal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('on %s finishes the interaction in flight, closes the database cleanly and exits 0', async (signal) => {
    const world = await newWorld();
    const bot = spawnBot({ apiBase: world.fake.apiBase, folder: world.folder });
    cleanups.push(async () => {
      if (bot.child.exitCode === null && bot.child.signalCode === null) await bot.stop('SIGKILL');
    });
    await bot.ready();

    // Discord rate-limits the answer for a second and a half, so the interaction is still in flight when the signal comes.
    world.fake.injectRestFailures({ status: 429, count: 1, pathIncludes: '/callback', retryAfterSeconds: 1.5 });
    const answer = world.fake.sendCommand({
      guildId: world.guild.id,
      channelId: world.channels.general.id,
      userId: world.users.admin.id,
      name: 'progress',
      subcommand: 'next',
    });
    await expect.poll(() => world.fake.requests.some((request) => request.path.endsWith('/callback') && request.status === 429)).toBe(true);
    const exit = bot.stop(signal);

    expect(renderedText((await answer).message)).toContain('has finished **episode 1**');
    expect(await exit).toEqual({ code: 0, signal: null });
    const logged = bot.output();
    // The answer went out after the bot had started shutting down, and before it stopped.
    expect(logged.indexOf('"msg":"shutting down"')).toBeGreaterThan(0);
    expect(logged.indexOf('"msg":"interaction handled"')).toBeGreaterThan(logged.indexOf('"msg":"shutting down"'));
    expect(logged.indexOf('"msg":"stopped"')).toBeGreaterThan(logged.indexOf('"msg":"interaction handled"'));

    const { database: path } = botFiles(world.folder);
    // The last connection to close checkpoints the write-ahead log into the database file and removes it.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = openDatabase({ path });
    expect(reopened.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(reopened.prepare('SELECT episode FROM progress_changes').pluck().all()).toEqual([1]);
    reopened.close();
  });
});

describe('a database newer than the bot', () => {
  it('makes npm start exit 1 with what to do, before logging in, and leaves the database as it was', async () => {
    const world = await newWorld();
    const { database: path } = botFiles(world.folder);
    const newer = new BetterSqlite3(path);
    newer.exec('CREATE TABLE from_the_future (id INTEGER PRIMARY KEY)');
    newer.pragma('user_version = 999');
    newer.close();

    const bot = spawnBot({ apiBase: world.fake.apiBase, folder: world.folder });
    expect(await bot.exited).toEqual({ code: 1, signal: null });
    const newest = migrations.at(-1)?.version;
    expect(bot.output()).toContain(`The database ${path} is at schema version 999, but this version of the bot understands up to ${newest}`);
    expect(bot.output()).toContain('restore a backup made by this version');
    expect(world.fake.connectedShards()).toEqual([]);
    expect(world.fake.requests).toEqual([]);

    const untouched = new BetterSqlite3(path, { readonly: true });
    expect(untouched.pragma('user_version', { simple: true })).toBe(999);
    expect(untouched.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['from_the_future']);
    untouched.close();
  });
});

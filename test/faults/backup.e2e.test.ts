import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld } from '../support/botHarness.js';
import type { TestWorld } from '../support/botHarness.js';
import { botFiles, runScript, spawnBot } from '../support/botProcess.js';
import type { BotProcess } from '../support/botProcess.js';

/* `npm run backup` as an operator runs it: next to a running bot that keeps writing. */

let world: TestWorld;
let bot: BotProcess;

beforeAll(async () => {
  world = await createWorld(undefined);
  bot = spawnBot({ apiBase: world.fake.apiBase, folder: world.folder });
  await bot.ready();
});
afterAll(async () => {
  await bot.stop('SIGTERM');
  await world.fake.close();
  rmSync(world.folder, { recursive: true, force: true });
});

/** Members set their own progress one after another until `stop` is called; returns who was answered. */
function keepWriting() {
  const answered: string[] = [];
  let writing = true;
  const done = (async () => {
    for (let index = 0; writing; index++) {
      const member = world.fake.addMember(world.guild.id, { username: `member-${index}` });
      await world.fake.sendCommand({ guildId: world.guild.id, channelId: world.channels.general.id, userId: member.id, name: 'progress', subcommand: 'mine', options: { episode: 3 } });
      answered.push(member.id);
    }
  })();
  return {
    answered,
    async stop(): Promise<void> {
      writing = false;
      await done;
    },
  };
}

function membersIn(path: string): string[] {
  const backup = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    expect(backup.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(backup.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    return backup.prepare('SELECT user_id FROM member_progress').pluck().all() as string[];
  } finally {
    backup.close();
  }
}

describe('npm run backup while the bot runs', () => {
  it('writes a sound copy to the given path or to backups/ beside the database, holding everything answered before it began', async () => {
    const writes = keepWriting();
    await expect.poll(() => writes.answered.length, { timeout: 10_000 }).toBeGreaterThan(5);
    const answeredBefore = [...writes.answered];
    const environment = { DATABASE_PATH: botFiles(world.folder).database, HOME: world.folder };
    const named = join(world.folder, 'elsewhere', 'named.sqlite');
    const [toNamed, toDefault] = [runScript('scripts/backup.ts', environment, [named]), runScript('scripts/backup.ts', environment)];
    const exits = await Promise.all([toNamed.exited, toDefault.exited]);
    await writes.stop();

    expect(exits).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    expect(toNamed.output()).toContain(`to ${named} (`);
    const [defaultName, ...others] = readdirSync(join(world.folder, 'backups'));
    expect(others).toEqual([]);
    expect(defaultName).toMatch(/^state-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite$/);
    for (const path of [named, join(world.folder, 'backups', defaultName ?? '')]) {
      expect(membersIn(path)).toEqual(expect.arrayContaining(answeredBefore));
      expect(existsSync(`${path}-wal`)).toBe(false);
    }
    // The bot went on serving throughout.
    expect(writes.answered.length).toBeGreaterThan(answeredBefore.length);
  });

  it('without a database says where it looked and how to point it at one', async () => {
    const missing = join(world.folder, 'nowhere', 'watchalong.sqlite');
    const backup = runScript('scripts/backup.ts', { DATABASE_PATH: missing });
    expect(await backup.exited).toMatchObject({ code: 1 });
    expect(backup.output()).toContain(`There is no database at ${missing} (DATABASE_PATH)`);
    expect(backup.output()).toContain('DATABASE_PATH=/path/to/watchalong.sqlite npm run backup');
  });

  it('refuses to overwrite a file, and says so', async () => {
    const taken = join(world.folder, 'taken.sqlite');
    const first = runScript('scripts/backup.ts', { DATABASE_PATH: botFiles(world.folder).database }, [taken]);
    expect(await first.exited).toMatchObject({ code: 0 });
    const second = runScript('scripts/backup.ts', { DATABASE_PATH: botFiles(world.folder).database }, [taken]);
    expect(await second.exited).toMatchObject({ code: 1 });
    expect(second.output()).toContain(`${taken} already exists`);
  });
});

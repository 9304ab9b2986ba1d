import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../test/fakeDiscord/index.js';
import { runScript } from '../test/support/botProcess.js';
import { waitUntil } from '../test/support/waitUntil.js';

const folder = mkdtempSync(join(tmpdir(), 'watchalong-main-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs an entry point as `npm start` does, with only the given environment. */
function run(entry: string, environment: Record<string, string>, args: string[] = []) {
  return runScript(entry, { PATH: process.env['PATH'] ?? '', HOME: folder, ...environment }, args);
}

describe('npm start', () => {
  it('without a token exits non-zero and says how to get one, and about the playground', async () => {
    const started = run('src/main.ts', { DATABASE_PATH: join(folder, 'none.sqlite') });
    expect((await started.exited).code).not.toBe(0);
    expect(started.output()).toContain('DISCORD_TOKEN is not set');
    expect(started.output()).toContain('discord.com/developers/applications');
    expect(started.output()).toContain('npm run playground');
    expect(started.output()).toContain('DISCORD_TOKEN=your-token npm start');
  });

  it('reports a token Discord refuses as a bad token', async () => {
    const refusing = createServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const { port } = refusing.address() as AddressInfo;
    const environment = { DISCORD_TOKEN: 'wrong', DISCORD_API_BASE: `http://127.0.0.1:${port}/api`, DATABASE_PATH: join(folder, 'refused.sqlite') };
    const started = run('src/main.ts', { ...environment, KNOWLEDGE_BASE_DIR: join(folder, 'knowledge') });
    const deploy = run('scripts/deployCommands.ts', environment);
    expect((await started.exited).code).toBe(1);
    expect((await deploy.exited).code).toBe(1);
    refusing.close();
    for (const output of [started.output(), deploy.output()]) expect(output).toContain('Discord refused the bot token in DISCORD_TOKEN');
  }, 60_000);

  it('says the network failed when Discord cannot be reached', async () => {
    const started = run('src/main.ts', {
      DISCORD_TOKEN: 'a-token',
      DISCORD_API_BASE: 'http://127.0.0.1:1/api',
      DATABASE_PATH: join(folder, 'offline.sqlite'),
      KNOWLEDGE_BASE_DIR: join(folder, 'knowledge'),
    });
    expect((await started.exited).code).toBe(1);
    expect(started.output()).toContain('Could not reach Discord: the network failed (ECONNREFUSED)');
  }, 60_000);

  it('names every bad setting', async () => {
    const started = run('src/main.ts', { DISCORD_TOKEN: 'x', LOG_LEVEL: 'loud', DISCORD_API_BASE: 'nope' });
    expect((await started.exited).code).toBe(1);
    expect(started.output()).toContain('LOG_LEVEL');
    expect(started.output()).toContain('DISCORD_API_BASE');
  });

  it('logs in to the Discord at DISCORD_API_BASE, serves a command, and exits 0 on SIGTERM', async () => {
    const fake = await startFakeDiscord();
    const guild = fake.addGuild({ name: 'Start test' });
    const channel = fake.addChannel(guild.id, { name: 'general' });
    const user = fake.addMember(guild.id, { username: 'alice' });
    const bot = run('src/main.ts', {
      DISCORD_TOKEN: 'a-token',
      DISCORD_API_BASE: fake.apiBase,
      DATABASE_PATH: join(folder, 'state.sqlite'),
      KNOWLEDGE_BASE_DIR: join(folder, 'knowledge'),
      LOG_LEVEL: 'info',
    });
    try {
      await fake.waitForReady(30_000);
      await waitUntil(() => fake.registeredCommands().length > 0, 'the bot to register its commands', { timeoutMilliseconds: 30_000 });
      const outcome = await fake.sendCommand({ guildId: guild.id, channelId: channel.id, userId: user.id, name: 'help' });
      expect(JSON.stringify(outcome.message?.embeds)).toContain('/progress');
      // Logs are JSON lines with what an operator needs to find an interaction.
      const handledLines = () => bot.output().split('\n').filter((line) => line.includes('interaction handled'));
      await waitUntil(() => handledLines().length > 0, 'the bot to log the interaction');
      const handled = handledLines().map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(handled[0]).toMatchObject({ command: 'help', guildId: guild.id, outcome: 'ok' });
      expect(handled[0]).toHaveProperty('interactionId');
      expect(handled[0]).toHaveProperty('durationMilliseconds');
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect((await bot.exited).code).toBe(0);
    expect(bot.output()).toContain('stopped');
    await fake.close();
  }, 90_000);
});

describe('npm run deploy-commands', () => {
  it('without a token says to run it with one', async () => {
    const deploy = run('scripts/deployCommands.ts', {});
    expect((await deploy.exited).code).toBe(1);
    expect(deploy.output()).toContain('DISCORD_TOKEN=your-token npm run deploy-commands');
  });

  it('registers every command to one server with --guild', async () => {
    const fake = await startFakeDiscord();
    const guild = fake.addGuild({ name: 'Deploy test' });
    const deploy = run('scripts/deployCommands.ts', { DISCORD_TOKEN: 'a-token', DISCORD_API_BASE: fake.apiBase }, ['--guild', guild.id]);
    expect((await deploy.exited).code).toBe(0);
    expect(deploy.output()).toContain(`to server ${guild.id}`);
    expect(fake.registeredCommands(guild.id).map((command) => command['name'])).toContain('progress');
    expect(fake.registeredCommands()).toEqual([]);
    await fake.close();
  }, 60_000);
});

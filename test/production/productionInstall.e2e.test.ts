/**
 * What the Docker image does, without Docker: compile with tsc, install production dependencies only,
 * compile the knowledge pack from dist, and run `node dist/bot/main.js` against the fake Discord.
 * Catches a runtime import of a dev dependency (tsx, pino-pretty, ws), a missing file in the image, or
 * a path that works only from the repository.
 */
import { spawnSync } from 'node:child_process';
import type { ChildProcess, SpawnSyncReturns } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../fakeDiscord/index.js';
import type { FakeDiscord } from '../fakeDiscord/index.js';
import { freePort } from '../support/freePort.js';
import { runScript } from '../support/botProcess.js';
import { waitUntil } from '../support/waitUntil.js';
import { bundleBot } from '../../scripts/bundleBot.js';

const repository = resolve(import.meta.dirname, '../..');
const compiledSqlite = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
let folder: string;
let app: string;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'watchalong-production-'));
  app = join(folder, 'app');
  // The Dockerfile's build stage: `npm run build` (tsc, then the bot's bundle), into this folder (leaving the
  // repository's dist alone) and without type checking, which is `npm run typecheck`'s job; this test is about what runs.
  const build = ['-p', 'tsconfig.build.json', '--noCheck', '--outDir', join(app, 'dist')];
  run(process.execPath, ['node_modules/typescript/bin/tsc', ...build], repository);
  bundleBot(join(repository, 'src/main.ts'), join(app, 'dist/bot'));
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(repository, file), join(app, file));
  cpSync(join(repository, 'data/packs'), join(app, 'data/packs'), { recursive: true });
  // The runtime stage: `npm ci --omit=dev`. Scripts are skipped and the already compiled better-sqlite3 copied in,
  // which saves compiling it again (about 75 s); the image compiles it in its build stage.
  run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], app);
  cpSync(join(repository, compiledSqlite), join(app, compiledSqlite));
  run(process.execPath, ['dist/scripts/buildKnowledgeBase.js'], app);
}, 180_000);

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** `node dist/bot/main.js` with the environment the Dockerfile sets, its JSON log lines collected. */
class BotProcess {
  readonly logs: Array<Record<string, unknown>> = [];
  readonly otherOutput: string[] = [];
  readonly child: ChildProcess;

  constructor(
    readonly healthPort: number,
    environment: Record<string, string>,
  ) {
    this.child = runScript(
      'dist/bot/main.js',
      {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        // A fresh volume each time, like `docker run -v` with a new volume.
        DATABASE_PATH: join(mkdtempSync(join(folder, 'volume-')), 'watchalong.sqlite'),
        HEALTH_PORT: String(healthPort),
        LOG_LEVEL: 'info',
        ...environment,
      },
      [],
      { cwd: app },
    ).child;
    for (const stream of [this.child.stdout, this.child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        try {
          this.logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          this.otherOutput.push(line);
        }
      });
    }
  }

  get(path: string): Promise<Response> {
    return fetch(`http://127.0.0.1:${this.healthPort}${path}`);
  }

  async waitUntilHealthy(timeoutMilliseconds: number): Promise<void> {
    await waitUntil(
      async () => {
        if (this.child.exitCode !== null) throw new Error(`the bot exited with ${this.child.exitCode}:\n${this.otherOutput.join('\n')}`);
        return (await this.get('/healthz').then((response) => response.status, () => 0)) === 200;
      },
      'the bot to be healthy',
      { timeoutMilliseconds, describeState: () => `output:\n${this.otherOutput.join('\n')}` },
    );
  }

  async waitForLogs(predicate: (line: Record<string, unknown>) => boolean, count: number): Promise<Array<Record<string, unknown>>> {
    await expect.poll(() => this.logs.filter(predicate).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(count);
    return this.logs.filter(predicate);
  }

  /** SIGTERM, as `docker stop` sends; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    return code;
  }
}

let fake: FakeDiscord | undefined;
let bot: BotProcess | undefined;

afterEach(async () => {
  if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
  bot = undefined;
  await fake?.close();
  fake = undefined;
});

function addServer(discord: FakeDiscord, id: string) {
  const guild = discord.addGuild({ id, name: `Server ${id}` });
  const channel = discord.addChannel(guild.id, { name: 'general' });
  const member = discord.addMember(guild.id, { username: `member-of-${id}` });
  return { guildId: guild.id, channelId: channel.id, userId: member.id };
}

// Server ids whose timestamp part is even and odd: shards 0 and 1 of 2.
const serverOnShardZero = String(1_000_000_000_000n << 22n);
const serverOnShardOne = String(1_000_000_000_001n << 22n);

describe('the production install (what the Docker image runs)', () => {
  it('has no development dependencies', () => {
    for (const name of ['tsx', 'typescript', 'vitest', 'pino-pretty']) expect(existsSync(join(app, 'node_modules', name)), name).toBe(false);
    expect(existsSync(join(app, 'node_modules/prom-client'))).toBe(true);
  });

  it('starts with node, answers /help, logs JSON lines and stops cleanly on SIGTERM', async () => {
    fake = await startFakeDiscord();
    const server = addServer(fake, serverOnShardZero);
    bot = new BotProcess(await freePort(), { DISCORD_TOKEN: 'production-token', DISCORD_API_BASE: fake.apiBase });
    await bot.waitUntilHealthy(20_000);

    const outcome = await fake.sendCommand({ ...server, name: 'help' });

    expect(JSON.stringify(outcome.message?.embeds)).toContain('/progress');
    const [handled] = await bot.waitForLogs((line) => line['msg'] === 'interaction handled', 1);
    expect(handled).toMatchObject({ interactionId: expect.any(String), guildId: server.guildId, command: 'help', outcome: 'ok' });
    expect(handled?.['durationMilliseconds']).toEqual(expect.any(Number));
    const metrics = await (await bot.get('/metrics')).text();
    expect(metrics).toContain('watchalong_interactions_total{kind="command",command="help",outcome="ok"} 1');
    expect(await bot.stop()).toBe(0);
    expect(bot.logs.map((line) => line['msg'])).toContain('stopped');
    expect(bot.otherOutput, 'output that is not a JSON log line (warnings break log collectors)').toEqual([]);
  });

  it('compiles a pack that has no compiled file yet (the compiler loads from its own chunk of the bundle)', async () => {
    fake = await startFakeDiscord();
    const server = addServer(fake, serverOnShardZero);
    const knowledgeBaseDirectory = mkdtempSync(join(folder, 'knowledge-'));
    bot = new BotProcess(await freePort(), { DISCORD_TOKEN: 'production-token', DISCORD_API_BASE: fake.apiBase, KNOWLEDGE_BASE_DIR: knowledgeBaseDirectory });
    await bot.waitUntilHealthy(20_000);

    const [ready] = await bot.waitForLogs((line) => line['msg'] === 'knowledge pack ready', 1);
    expect(ready).toMatchObject({ pack: 'hero-mask', rebuilt: true });
    expect(existsSync(join(knowledgeBaseDirectory, 'hero-mask.sqlite'))).toBe(true);
    const outcome = await fake.sendCommand({ ...server, name: 'help' });
    expect(JSON.stringify(outcome.message?.embeds)).toContain('/progress');
    expect(await bot.stop()).toBe(0);
  });

  it('runs one process per shard with SHARD_COUNT=auto, each serving its own servers', async () => {
    fake = await startFakeDiscord({ recommendedShards: 2 });
    const servers = [addServer(fake, serverOnShardZero), addServer(fake, serverOnShardOne)];
    bot = new BotProcess(await freePort(), { DISCORD_TOKEN: 'production-token', DISCORD_API_BASE: fake.apiBase, SHARD_COUNT: 'auto' });
    // The manager starts the second shard 5.5 s after the first, as Discord's identify limit requires.
    await bot.waitUntilHealthy(30_000);

    expect(fake.connectedShards()).toEqual([0, 1]);
    for (const server of servers) {
      const outcome = await fake.sendCommand({ ...server, name: 'help' });
      expect(JSON.stringify(outcome.message?.embeds)).toContain('/progress');
    }
    const handledBy = (await bot.waitForLogs((line) => line['msg'] === 'interaction handled', 2)).map((line) => ({ guildId: line['guildId'], shardIds: line['shardIds'] }));
    // Two processes share the output: their lines may arrive in either order.
    expect(handledBy).toHaveLength(2);
    expect(handledBy).toEqual(
      expect.arrayContaining([
        { guildId: serverOnShardZero, shardIds: [0] },
        { guildId: serverOnShardOne, shardIds: [1] },
      ]),
    );
    const metrics = await (await bot.get('/metrics')).text();
    expect(metrics).toContain('watchalong_guilds{shard="0"} 1');
    expect(metrics).toContain('watchalong_guilds{shard="1"} 1');
    expect(metrics).toContain('watchalong_interactions_total{kind="command",command="help",outcome="ok",shard="1"} 1');
    expect(await bot.stop()).toBe(0);
    expect(bot.logs.filter((line) => line['msg'] === 'stopped')).toHaveLength(2);
    expect(fake.connectedShards()).toEqual([]);
  }, 60_000);

  it('runs only this host’s SHARD_IDS of SHARD_COUNT, and reports health and metrics for them alone', async () => {
    fake = await startFakeDiscord({ recommendedShards: 2 });
    const server = addServer(fake, serverOnShardOne);
    addServer(fake, serverOnShardZero);
    bot = new BotProcess(await freePort(), { DISCORD_TOKEN: 'production-token', DISCORD_API_BASE: fake.apiBase, SHARD_COUNT: '2', SHARD_IDS: '1' });
    await bot.waitUntilHealthy(30_000);

    // Shard 0 is another host's: this one never identifies it.
    expect(fake.connectedShards()).toEqual([1]);
    const outcome = await fake.sendCommand({ ...server, name: 'help' });
    expect(JSON.stringify(outcome.message?.embeds)).toContain('/progress');
    const metrics = await (await bot.get('/metrics')).text();
    expect(metrics).toContain('watchalong_guilds{shard="1"} 1');
    expect(metrics).not.toContain('shard="0"');
    expect(await bot.stop()).toBe(0);
  }, 60_000);

  it('stops its shard processes when the manager is killed', async () => {
    fake = await startFakeDiscord();
    addServer(fake, serverOnShardZero);
    bot = new BotProcess(await freePort(), { DISCORD_TOKEN: 'production-token', DISCORD_API_BASE: fake.apiBase, SHARD_COUNT: '1' });
    await bot.waitUntilHealthy(20_000);

    bot.child.kill('SIGKILL');

    // The shard sees its IPC channel close, shuts down and leaves the gateway.
    await expect.poll(() => fake!.connectedShards(), { timeout: 10_000 }).toEqual([]);
  });
});

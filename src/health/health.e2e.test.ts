import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../../test/support/botHarness.js';
import type { TestBot } from '../../test/support/botHarness.js';
import { createBotHealthSource } from './botHealth.js';
import { startHealthServer } from './healthServer.js';
import type { HealthServer } from './healthServer.js';

let harness: TestBot;
let server: HealthServer;
let base: string;
let stopped = false;

beforeAll(async () => {
  harness = await startTestBot();
  const source = createBotHealthSource(harness.bot.context.metrics, () => harness.bot);
  server = await startHealthServer({ port: 0, host: '127.0.0.1', source, logger: pino({ level: 'silent' }) });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  if (!stopped) await harness.close();
});

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health and metrics of the real bot', () => {
  it('reports healthy once logged in with the database open', async () => {
    const response = await fetch(`${base}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { gateway: true, database: true } });
  });

  it('counts the interactions it answers, the time they took and its servers', async () => {
    await harness.run('alice', 'help');
    await harness.run('alice', 'help');
    await harness.run('alice', 'progress', { subcommand: 'set', options: { episode: 2 } });

    const text = await (await fetch(`${base}/metrics`)).text();

    expect(sample(text, 'watchalong_interactions_total{kind="command",command="help",outcome="ok"}')).toBe(2);
    // A refusal is counted under the subcommand it refused, as the permission table names it.
    expect(sample(text, 'watchalong_interactions_total{kind="command",command="progress set",outcome="refused"}')).toBe(1);
    expect(sample(text, 'watchalong_interaction_duration_seconds_count{kind="command"}')).toBe(3);
    expect(sample(text, 'watchalong_guilds')).toBe(1);
  });

  it('reports unavailable while the gateway reconnects', async () => {
    harness.fake.dropGatewayConnections({ resumable: true });
    // The fake closes the socket at once; discord.js marks the shard as reconnecting on the close.
    await expect.poll(async () => (await fetch(`${base}/healthz`)).status, { timeout: 2_000, interval: 5 }).toBe(503);
    await expect.poll(async () => (await fetch(`${base}/healthz`)).status, { timeout: 10_000 }).toBe(200);
  });

  it('reports unavailable once the bot has stopped', async () => {
    await harness.close();
    stopped = true;

    const response = await fetch(`${base}/healthz`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', checks: { gateway: false, database: false } });
  });
});

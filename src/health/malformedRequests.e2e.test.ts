import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot } from '../../test/support/botProcess.js';
import type { BotProcess } from '../../test/support/botProcess.js';
import { createWorld } from '../../test/support/botHarness.js';
import { freePort } from '../../test/support/freePort.js';
import type { TestWorld } from '../../test/support/botHarness.js';
import { startHealthServer } from './healthServer.js';
import type { HealthServer } from './healthServer.js';

/*
 * The health port faces the network: nothing a client sends may stop the bot. `npm start` runs as a process with
 * HEALTH_PORT set, and raw requests go to it over TCP, as `nc` would send them.
 */

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends `raw` and collects what comes back until the server closes the connection. */
async function exchange(port: number, raw: string | Buffer): Promise<string> {
  const socket = await open(port);
  return new Promise((resolve) => {
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    // A reset after the answer (the server gave up on a request it refused) still leaves the answer.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
    socket.end(raw);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

describe('the health port of a running bot', () => {
  let world: TestWorld;
  let bot: BotProcess;
  let port: number;

  beforeAll(async () => {
    world = await createWorld(undefined);
    port = await freePort();
    bot = spawnBot({ apiBase: world.fake.apiBase, folder: world.folder, environment: { HEALTH_PORT: String(port) } });
    await bot.ready();
  });
  afterAll(async () => {
    if (bot.child.exitCode === null && bot.child.signalCode === null) await bot.stop('SIGKILL');
    await world.fake.close();
    rmSync(world.folder, { recursive: true, force: true });
  });

  it.each([
    { name: 'an authority with no host', raw: 'GET // HTTP/1.1\r\nHost: x\r\n\r\n', status: 400 },
    { name: 'a lone percent sign', raw: 'GET /% HTTP/1.1\r\nHost: x\r\n\r\n', status: 404 },
    { name: 'an absolute-form target', raw: 'GET http://elsewhere/healthz HTTP/1.1\r\nHost: x\r\n\r\n', status: 200 },
    { name: 'an absolute-form target with no host', raw: 'GET http:// HTTP/1.1\r\nHost: x\r\n\r\n', status: 400 },
    { name: 'a 100 KB header', raw: `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(100 * 1024)}\r\n\r\n`, status: 431 },
    { name: 'a request line that is not HTTP', raw: 'hello\r\n\r\n', status: 400 },
    { name: 'a path named like an object property', raw: 'GET /constructor HTTP/1.1\r\nHost: x\r\n\r\n', status: 404 },
  ])('answers $name with $status and keeps running', async ({ raw, status }) => {
    expect(statusOf(await exchange(port, raw))).toBe(status);

    expect(bot.child.exitCode).toBeNull();
    expect(statusOf(await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))).toBe(200);
  });

  it('listens on loopback only unless HEALTH_HOST says otherwise', () => {
    expect(bot.output()).toContain(`"port":${port},"host":"127.0.0.1","msg":"health server listening"`);
  });

  it('answers /healthz while a slow client holds a connection open', async () => {
    const slow = await open(port);
    slow.on('error', () => undefined);
    slow.write('GET /healthz HTTP/1.1\r\nHo');

    expect(statusOf(await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))).toBe(200);
    slow.destroy();
  });
});

describe('a client that sends its request slowly', () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is cut off once the headers timeout passes, and the server answers others meanwhile', async () => {
    const source = { health: () => Promise.resolve({ healthy: true, checks: {} }), metrics: () => Promise.resolve('') };
    const timeouts = { headersMilliseconds: 300, requestMilliseconds: 300, checkEveryMilliseconds: 100 };
    server = await startHealthServer({ port: 0, host: '127.0.0.1', source, logger: pino({ level: 'silent' }), timeouts });
    const slow = await open(server.port);
    const closed = new Promise<string>((resolve) => {
      let answer = '';
      slow.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      slow.on('error', () => undefined);
      slow.on('close', () => resolve(answer));
    });
    slow.write('GET /healthz HTTP/1.1\r\nHo');

    expect(statusOf(await exchange(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'))).toBe(200);
    // Node answers 408 and closes the connection; before the fix a slow client could hold it for minutes.
    expect(statusOf(await closed)).toBe(408);
  });
});

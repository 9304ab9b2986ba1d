import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../../test/fakeDiscord/index.js';
import type { FakeDiscord } from '../../test/fakeDiscord/index.js';
import { resolveShardCount } from './shardCount.js';

let fake: FakeDiscord | undefined;
let closeServer: (() => void) | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  closeServer?.();
  closeServer = undefined;
});

/** A Discord that answers every request with one status, as when the token is wrong or Discord is down. */
async function discordAnswering(status: number): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message: 'no', code: 0 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeServer = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

describe('resolveShardCount', () => {
  it('uses a number as it is, without asking Discord', async () => {
    expect(await resolveShardCount(4, { apiBase: 'http://127.0.0.1:9/api', token: 'unused' })).toBe(4);
  });

  it("asks DISCORD_API_BASE for Discord's recommendation when set to auto", async () => {
    fake = await startFakeDiscord({ recommendedShards: 3 });

    expect(await resolveShardCount('auto', { apiBase: fake.apiBase, token: 'test-token' })).toBe(3);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /gateway/bot']);
  });

  it.each([
    { status: 401, message: /refused the bot token/ },
    { status: 502, message: /answered 502.*set SHARD_COUNT to a number/ },
  ])('explains a $status answer', async ({ status, message }) => {
    const apiBase = await discordAnswering(status);

    await expect(resolveShardCount('auto', { apiBase, token: 'test-token' })).rejects.toThrow(message);
  });
});

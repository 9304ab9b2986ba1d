import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { combineHealth } from './shardingManager.js';
import { requestShardReport } from './shardReports.js';
import type { ShardChannel, ShardReport } from './shardReports.js';

const healthy: ShardReport = { health: { healthy: true, checks: { gateway: true, database: true } }, metrics: [] };
const reconnecting: ShardReport = { health: { healthy: false, checks: { gateway: false, database: true } }, metrics: [] };

type Request = { type: string; requestId: number };

/** A shard process's IPC channel: answers each request with `answer(request)`, or stays silent on undefined. */
class ShardProcessChannel extends EventEmitter implements ShardChannel {
  constructor(
    private readonly answer: (request: Request) => unknown,
    private readonly processGone = false,
  ) {
    super();
  }

  send(message: unknown): Promise<void> {
    if (this.processGone) return Promise.reject(new Error('no process'));
    const reply = this.answer(message as Request);
    if (reply !== undefined) setImmediate(() => this.emit('message', reply));
    return Promise.resolve();
  }
}

describe('requestShardReport', () => {
  it("returns the shard's answer to this request", async () => {
    const shard = new ShardProcessChannel((request) => ({ type: 'watchalong:report', requestId: request.requestId, report: healthy }));

    expect(await requestShardReport(shard, 1_000)).toEqual(healthy);
  });

  it("ignores discord.js's own messages and answers to other requests", async () => {
    const shard = new ShardProcessChannel((request) => ({ type: 'watchalong:report', requestId: request.requestId + 1, report: healthy }));
    setImmediate(() => shard.emit('message', { _ready: true }));

    expect(await requestShardReport(shard, 50)).toBeUndefined();
    expect(shard.listenerCount('message')).toBe(0);
  });

  it('gives up on a shard that does not answer in time', async () => {
    const started = Date.now();

    expect(await requestShardReport(new ShardProcessChannel(() => undefined), 50)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('gives up at once on a shard whose process is gone', async () => {
    const shard = new ShardProcessChannel(() => undefined, true);
    const started = Date.now();

    expect(await requestShardReport(shard, 5_000)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('combineHealth', () => {
  it.each([
    { name: 'every shard healthy', reports: [healthy, healthy], result: true, failing: [] },
    { name: 'one shard reconnecting', reports: [healthy, reconnecting], result: false, failing: ['gateway'] },
    { name: 'one shard silent', reports: [healthy, undefined], result: false, failing: ['shardsAnswering'] },
    { name: 'no shards yet', reports: [], result: false, failing: ['shardsAnswering'] },
  ])('$name: healthy $result', ({ reports, result, failing }) => {
    const combined = combineHealth(reports);

    expect(combined.healthy).toBe(result);
    expect(Object.keys(combined.checks).filter((name) => !combined.checks[name])).toEqual(failing);
  });
});

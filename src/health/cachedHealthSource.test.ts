import { describe, expect, it } from 'vitest';
import { cacheHealth } from './cachedHealthSource.js';
import type { HealthSource } from './healthServer.js';

function countingSource(fail = false) {
  const calls = { health: 0 };
  const source: HealthSource = {
    health() {
      calls.health += 1;
      return fail ? Promise.reject(new Error('no answer')) : Promise.resolve({ healthy: true, checks: { shardsAnswering: true } });
    },
    metrics: () => Promise.resolve(''),
  };
  return { calls, source };
}

describe('the cached aggregate health', () => {
  it('asks the shards once per period, however many probes come', async () => {
    let now = 0;
    const { calls, source } = countingSource();
    const cached = cacheHealth(source, 1_500, () => now);

    await Promise.all(Array.from({ length: 100 }, () => cached.health()));
    now = 1_499;
    await cached.health();
    expect(calls.health).toBe(1);

    now = 1_500;
    expect(await cached.health()).toEqual({ healthy: true, checks: { shardsAnswering: true } });
    expect(calls.health).toBe(2);
  });

  it('asks again after a failed check', async () => {
    const { calls, source } = countingSource(true);
    const cached = cacheHealth(source, 1_500, () => 0);

    await expect(cached.health()).rejects.toThrow('no answer');
    await expect(cached.health()).rejects.toThrow('no answer');
    expect(calls.health).toBe(2);
  });
});

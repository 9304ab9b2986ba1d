import { describe, expect, it } from 'vitest';
import { createManualClock } from './manualClock.js';

describe('the manual clock', () => {
  it('runs each tick that falls due while advancing, in order, at its own instant', async () => {
    const clock = createManualClock(new Date(0));
    const seen: string[] = [];
    clock.every(1_000, () => seen.push(`a@${clock.now().getTime()}`));
    clock.every(1_500, () => seen.push(`b@${clock.now().getTime()}`));
    await clock.advance(3_000);
    expect(seen).toEqual(['a@1000', 'b@1500', 'a@2000', 'a@3000', 'b@3000']);
    expect(clock.now().getTime()).toBe(3_000);
  });

  it('waits for a tick’s work before the next', async () => {
    const clock = createManualClock(new Date(0));
    const order: string[] = [];
    clock.every(1_000, async () => {
      order.push('start');
      await Promise.resolve();
      order.push('end');
    });
    await clock.advance(2_000);
    expect(order).toEqual(['start', 'end', 'start', 'end']);
  });

  it('stops ticking once told to', async () => {
    const clock = createManualClock(new Date(0));
    let ticks = 0;
    const stop = clock.every(1_000, () => (ticks += 1));
    await clock.advance(1_000);
    stop();
    await clock.advance(5_000);
    expect(ticks).toBe(1);
  });

  it('jumps without ticking, then runs each tick once on demand', async () => {
    const clock = createManualClock(new Date(0));
    const seen: number[] = [];
    clock.every(1_000, () => seen.push(clock.now().getTime()));
    clock.jumpTo(new Date(3_600_000));
    expect(seen).toEqual([]);
    await clock.runTicks();
    expect(seen).toEqual([3_600_000]);
    await clock.advance(1_000);
    expect(seen).toEqual([3_600_000, 3_601_000]);
  });
});

import { describe, expect, it } from 'vitest';
import { verdict } from './table.js';
import type { TargetCheck } from './targets.js';

const missed: TargetCheck = { target: 'handler p99 /character (ms)', measured: 9, limit: 2, direction: 'below', met: false };

describe('verdict', () => {
  it('judges a full run', () => {
    expect(verdict(missed, 'full')).toBe('MISSED');
    expect(verdict({ ...missed, measured: 1, met: true }, 'full')).toBe('met');
  });

  it('judges nothing in a tiny run, whose figures mean nothing', () => {
    expect(verdict(missed, 'tiny')).toBe('not judged (tiny run)');
  });
});

import { describe, expect, it } from 'vitest';
import { maxNonceLength, reminderNonce } from './reminderNonce.js';

describe('reminderNonce', () => {
  it('is stable across calls', () => {
    expect(reminderNonce(42, 3, 60)).toBe(reminderNonce(42, 3, 60));
    expect(reminderNonce(42, 3, 60)).toBe(reminderNonce('42', 3, 60));
  });

  it('fits Discord’s limit even for a long id', () => {
    for (const id of [1, 'a'.repeat(200), '0b6a1c4e-7a3e-4f6f-9d1e-0c8f3a2b9e11']) {
      expect(reminderNonce(id, 1_000_000, 10_080).length).toBeLessThanOrEqual(maxNonceLength);
    }
  });

  it('differs whenever any part differs, including parts that would run together', () => {
    const nonces = [
      reminderNonce(1, 23, 0),
      reminderNonce(12, 3, 0),
      reminderNonce(1, 2, 30),
      reminderNonce(1, 23, 60),
      reminderNonce(1, 23, -48),
      reminderNonce(2, 23, 0),
    ];
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('uses only characters that survive JSON and URLs', () => {
    expect(reminderNonce(7, 0, 1440)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

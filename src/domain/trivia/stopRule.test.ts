import { describe, expect, it } from 'vitest';
import { mayStopQuiz } from './stopRule.js';

describe('who may stop a quiz', () => {
  it.each([
    ['the starter', { userId: 'starter', canManageServer: false }, true],
    ['the starter with Manage Server', { userId: 'starter', canManageServer: true }, true],
    ['another member with Manage Server', { userId: 'admin', canManageServer: true }, true],
    ['another member', { userId: 'member', canManageServer: false }, false],
  ])('%s: %s', (_who, requester, allowed) => {
    expect(mayStopQuiz('starter', requester)).toBe(allowed);
  });
});

import { describe, expect, it } from 'vitest';
import { describeStartFailure, missingTokenMessage, startCommand } from './startMessages.js';

function failure(message: string, code: string, cause?: Error): Error {
  return Object.assign(new Error(message, cause ? { cause } : {}), { code });
}

describe('describeStartFailure', () => {
  it('reports a token Discord refused as a bad token', () => {
    const text = describeStartFailure(failure('An invalid token was provided.', 'TokenInvalid'));
    expect(text).toContain('Discord refused the bot token in DISCORD_TOKEN');
    expect(text).toContain('Reset Token');
  });

  it.each(['ENOTFOUND', 'ECONNREFUSED', 'EAI_AGAIN'])('reports %s as a failed network, not as the system error', (code) => {
    const text = describeStartFailure(failure(`getaddrinfo ${code} discord.com`, code));
    expect(text).toMatch(/^Could not reach Discord: the network failed/);
    expect(text).not.toContain('getaddrinfo');
  });

  it('finds the network failure in the cause of a wrapping error', () => {
    expect(describeStartFailure(new Error('fetch failed', { cause: failure('connect', 'ENETUNREACH') }))).toContain('network failed (ENETUNREACH)');
  });

  it('keeps any other message', () => {
    expect(describeStartFailure(new Error('disk full'))).toBe('Watchalong could not start: disk full');
  });
});

describe('startCommand', () => {
  it('names start:production for the compiled bot and npm start for the sources', () => {
    expect(startCommand('file:///app/dist/bot/main.js')).toBe('npm run start:production');
    expect(startCommand('file:///app/src/main.ts')).toBe('npm start');
  });
});

describe('missingTokenMessage', () => {
  it('says what to run: the command that needs the token', () => {
    expect(missingTokenMessage('npm run deploy-commands')).toContain('DISCORD_TOKEN=your-token npm run deploy-commands');
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config.js';
import { startPlaygroundSession } from './playgroundSession.js';
import type { PlaygroundSession } from './playgroundSession.js';

const folder = mkdtempSync(join(tmpdir(), 'watchalong-playground-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('playground session', () => {
  let session: PlaygroundSession;
  beforeAll(async () => {
    const config = parseConfig({
      DATABASE_PATH: join(folder, 'session.sqlite'),
      KNOWLEDGE_BASE_DIR: join(folder, 'knowledge'),
      REST_REQUESTS_PER_SECOND: '1000',
    });
    session = await startPlaygroundSession({ config, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await session.close();
  });

  it('runs commands, switches users and channels, and explains mistakes', async () => {
    expect(await session.handleLine('/progress set episode:3')).toContain('Progress saved');
    expect(await session.handleLine('as alice')).toBe('You are now alice.');
    expect(session.prompt()).toBe('alice in #general> ');
    const refused = await session.handleLine('/progress next');
    expect(refused).toContain('(only you can see this)');
    expect(refused).toContain('Only hosts');
    expect(await session.handleLine('in #dub')).toBe('You are now in #dub.');
    expect(await session.handleLine('/progress show')).toContain('episode 3');
    expect(await session.handleLine('as nobody')).toContain('No user');
    expect(await session.handleLine('dance')).toContain('Type "help"');
    expect(await session.handleLine('click 1')).toBe('There is nothing to click yet.');
  });

  it('shows autocomplete choices and embeds as boxes', async () => {
    expect(await session.handleLine('complete /progress set episode:1')).toContain('S1E1 · episode 1');
    expect(await session.handleLine('/help')).toContain('┌');
  });
});

/** Runs `npm run playground` in a pseudo-terminal (util-linux `script`), typing as a person would. */
describe('playground in a terminal', () => {
  it('answers typed commands and quits cleanly', async () => {
    const command = `${process.execPath} --import tsx playground/main.ts --database ${join(folder, 'terminal.sqlite')}`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, KNOWLEDGE_BASE_DIR: join(folder, 'terminal-knowledge'), LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const waitFor = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const timer = setInterval(() => {
          if (output.includes(text)) {
            clearInterval(timer);
            resolve();
          } else if (Date.now() - started > 45_000) {
            clearInterval(timer);
            reject(new Error(`no "${text}" in playground output:\n${output}`));
          }
        }, 50);
      });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    await waitFor('admin in #general>');
    child.stdin.write('/progress set episode:2\n');
    await waitFor('Progress saved');
    child.stdin.write('as bob\n');
    await waitFor('bob in #general>');
    child.stdin.write('/progress show\n');
    await waitFor('S1E2');
    child.stdin.write('quit\n');
    expect(await exited).toBe(0);
  }, 120_000);
});

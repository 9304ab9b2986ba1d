import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../test/support/waitUntil.js';
import { parseConfig } from '../src/config/config.js';
import { startPlaygroundSession } from './playgroundSession.js';
import type { PlaygroundSession } from './playgroundSession.js';

const folder = mkdtempSync(join(tmpdir(), 'watchalong-playground-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What no Discord client shows: raw markup and the fake Discord's own diagnostics. */
const internals = ['<@', '<#', '<t:', 'fake Discord:'];

describe('playground session', () => {
  let session: PlaygroundSession;
  beforeAll(async () => {
    const config = parseConfig({
      DATABASE_PATH: join(folder, 'session.sqlite'),
      KNOWLEDGE_BASE_DIR: join(folder, 'knowledge'),
      REST_REQUESTS_PER_SECOND: '1000',
    });
    session = await startPlaygroundSession({ config, logger: pino({ level: 'silent' }), timeZone: 'Asia/Tokyo' });
  });
  afterAll(async () => {
    await session.close();
  });

  it('runs commands, switches users and channels, and explains mistakes', async () => {
    expect(await session.handleLine('click 1')).toBe('There are no buttons to click yet.');
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
    expect(await session.handleLine('in #general')).toBe('You are now in #general.');
  });

  it('answers an unknown command, subcommand or option as Discord would', async () => {
    expect(await session.handleLine('/dance')).toMatch(/^There is no \/dance command here\. Commands: \/character, /);
    expect(await session.handleLine('/progress jump')).toBe('/progress has no subcommand "jump". Pick one of: show, set, next, undo, mine, roster');
    for (const line of ['/dance', '/character nme:x', '/progress set']) for (const hidden of internals) expect(await session.handleLine(line)).not.toContain(hidden);
  });

  it('shows mentions by name and timestamps as Discord draws them, in the playground’s time zone', async () => {
    await session.handleLine('as admin');
    expect(await session.handleLine('/progress show')).toMatch(/by @admin a few seconds ago|by @admin \d+ seconds ago/);
    expect(await session.handleLine('/settings')).toContain('Host role: @Hosts');
    const scheduled = await session.handleLine("/watchparty schedule start:in 2 minutes title:Alice's night episodes:2");
    expect(scheduled).toContain("**Alice's night** is scheduled");
    expect(scheduled).toContain('(in 2 minutes)');
    const start = DateTime.now().setZone('Asia/Tokyo').plus({ minutes: 2 });
    const oneLine = scheduled.replace(/\s+/g, ' ');
    expect([start, start.plus({ minutes: 1 })].some((time) => oneLine.includes(time.setLocale('en-GB').toFormat('cccc d LLLL yyyy HH:mm')))).toBe(true);
    expect(scheduled).toContain('Reminders in #general');
    for (const hidden of internals) expect(scheduled).not.toContain(hidden);
  });

  it('lists the scheduled events and the sessions in the calendar file', async () => {
    // The bot creates the event on its next reminder tick (every second).
    let events = await session.handleLine('events');
    for (const deadline = Date.now() + 10_000; !events.includes('Alice') && Date.now() < deadline; ) {
      await new Promise((resolve) => setImmediate(resolve));
      events = await session.handleLine('events');
    }
    expect(events).toContain('Scheduled events (Asia/Tokyo):');
    expect(events).toMatch(/• Alice's night: .*\(in (2 minutes|\d+ seconds)\), scheduled/);
    const calendar = await session.handleLine('calendar');
    expect(calendar).toContain('📎 watch-parties.ics');
    expect(calendar).toMatch(/Sessions in the calendar file \(Asia\/Tokyo\):\n {2}• Alice's night: /);
  });

  it('clicks buttons by the start of their label, on any message, and shows the change as an edit', async () => {
    const series = await session.handleLine('/series');
    const seriesNumber = /msg (\d+)/.exec(series)?.[1];
    expect(series).toContain('Next ▶');
    await session.handleLine('/help');
    expect(await session.handleLine('click next')).toContain(`✎ edited: Watchalong · msg ${seriesNumber}`);
    expect(await session.handleLine(`click previous on ${seriesNumber}`)).toContain(`✎ edited: Watchalong · msg ${seriesNumber}`);
    expect(await session.handleLine('click sideways')).toMatch(/^No button "sideways"\. Buttons of msg \d+: \[1\] /);
    expect(await session.handleLine('click next on 999')).toBe('There is no msg 999. Each message\'s first line shows its number.');
    expect(await session.handleLine('click 1 on 1')).toBe('msg 1 has no buttons to click.');
  });

  it('shows autocomplete choices and embeds as boxes', async () => {
    expect(await session.handleLine('complete /progress set episode:1')).toContain('S1E1 · episode 1');
    expect(await session.handleLine('complete /character private:true name:ed')).toContain('Edmond Chandler');
    expect(await session.handleLine('/help')).toContain('┌');
  });
});

/**
 * Runs `npm run playground` in a pseudo-terminal (util-linux `script`), typing as a person would: a lookup,
 * a quiz to its reveal, a session with its reminder and an RSVP.
 */
describe('playground in a terminal', () => {
  it('plays a quiz to its reveal, a reminder with an RSVP, and renders mentions and times', async () => {
    const command = `${process.execPath} --import tsx playground/main.ts --database ${join(folder, 'terminal.sqlite')} --time-zone Asia/Tokyo`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, KNOWLEDGE_BASE_DIR: join(folder, 'terminal-knowledge'), LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    /** Resolves with where `text` appears in what was printed after `from`. */
    const waitFor = async (text: string | RegExp, from = 0): Promise<number> => {
      const at = () => {
        const rest = output.slice(from);
        return typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
      };
      await waitUntil(() => at() >= 0, `${String(text)} in the playground's output after ${from}`, {
        timeoutMilliseconds: 60_000,
        describeState: () => output.slice(from),
      });
      return from + at();
    };
    const type = (line: string) => {
      const from = output.length;
      child.stdin.write(`${line}\n`);
      return from;
    };
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    await waitFor('admin in #general>');
    let from = type('/progress set episode:3');
    await waitFor('Last changed by @admin', from);
    from = type('/character name:Jmaes');
    await waitFor('JAMES BLOOD', from);

    from = type('/trivia start questions:1 seconds:10');
    const question = await waitFor(/QUESTION 1 OF 1[\s\S]*Time is up in a few seconds/, from);
    from = type('click 1');
    await waitFor('Locked in', from);
    await waitFor(/✎ edited: Watchalong · msg \d+[\s\S]*1 member has answered/, from);
    const reveal = await waitFor(/✎ edited: Watchalong · msg \d+[\s\S]*QUESTION 1 OF 1: TIME IS UP[\s\S]*✅/, from);
    expect(reveal).toBeGreaterThan(question);
    await waitFor('TRIVIA: FINAL STANDINGS', reveal);

    from = type('as host');
    await waitFor('host in #general>', from);
    from = type("/watchparty schedule start:now title:Alice's night role:@Hosts");
    await waitFor(/\*\*Alice's night\*\* is scheduled \(id \d+\):\s+\w+day\s+\d+\s+\w+\s+\d{4}\s+\d{2}:\d{2}\s+\(in a few seconds\)/, from);
    // The reminder pings the role: shown by name, as Discord shows it.
    const reminder = await waitFor(/@Hosts\s+📺 \*\*Alice's night\*\* is starting now/, from);
    // Posted while the prompt waited: the prompt is drawn again below it.
    await waitFor('host in #general>', reminder);
    from = type('click going');
    await waitFor(/✎ edited: Watchalong · msg \d+\s+@Hosts 📺 \*\*Alice's night\*\* is starting now[\s\S]*\[1\] Going · 1/, from);
    from = type('events');
    await waitFor(/Scheduled events \(Asia\/Tokyo\):\s+• Alice's night/, from);

    type('quit');
    expect(await exited).toBe(0);
    for (const hidden of internals) expect(output).not.toContain(hidden);
  }, 150_000);
});

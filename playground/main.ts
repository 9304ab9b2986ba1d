import { createInterface } from 'node:readline';
import pino from 'pino';
import { loadConfig } from '../src/config/config.js';
import { playgroundHelp, startPlaygroundSession } from './playgroundSession.js';

/**
 * `npm run playground`: the real bot against a local fake Discord, in this terminal. No token needed.
 * It keeps its own database (data/playground.sqlite) unless DATABASE_PATH or --database says otherwise,
 * and shows times in this machine's time zone unless --time-zone says otherwise.
 */
const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const config = loadConfig();
const databasePath = flag('--database') ?? (process.env['DATABASE_PATH'] ? config.DATABASE_PATH : 'data/playground.sqlite');
const timeZone = flag('--time-zone');

console.log('Starting the fake Discord and the bot…');
const session = await startPlaygroundSession({
  config: { ...config, DATABASE_PATH: databasePath, REST_REQUESTS_PER_SECOND: 1000 },
  logger: pino({ level: 'warn' }, pino.destination(2)),
  ...(timeZone ? { timeZone } : {}),
});
console.log(`Ready. Database: ${databasePath}\n${playgroundHelp(session.timeZone)}\n`);

const terminal = createInterface({ input: process.stdin, output: process.stdout });
let handling = false;

/** Prints above the prompt, then draws the prompt again with whatever was typed so far. */
function printAbovePrompt(text: string): void {
  process.stdout.write('\r\x1b[2K');
  console.log(`${text}\n`);
  if (!handling) terminal.prompt(true);
}

const postedByBot = setInterval(() => {
  for (const change of session.changes()) printAbovePrompt(change);
}, 250);

// Lines are handled one at a time, in the order typed, even when typed while the bot is still answering.
let queue = Promise.resolve();
terminal.on('line', (line) => {
  queue = queue.then(async () => {
    if (/^(quit|exit)$/i.test(line.trim())) {
      terminal.close();
      return;
    }
    handling = true;
    const answer = await session.handleLine(line);
    handling = false;
    if (answer) console.log(`${answer}\n`);
    for (const change of session.changes()) console.log(`${change}\n`);
    terminal.setPrompt(session.prompt());
    terminal.prompt();
  });
});

terminal.on('close', () => {
  clearInterval(postedByBot);
  void queue.then(() => session.close()).then(() => process.exit(0));
});

terminal.setPrompt(session.prompt());
terminal.prompt();

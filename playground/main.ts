import { createInterface } from 'node:readline/promises';
import pino from 'pino';
import { loadConfig } from '../src/config/config.js';
import { playgroundHelp, startPlaygroundSession } from './playgroundSession.js';

/**
 * `npm run playground`: the real bot against a local fake Discord, in this terminal. No token needed.
 * It keeps its own database (data/playground.sqlite) unless DATABASE_PATH or --database says otherwise.
 */
const databaseFlag = process.argv.indexOf('--database');
const config = loadConfig();
const databasePath =
  databaseFlag > 0 ? process.argv[databaseFlag + 1] : process.env['DATABASE_PATH'] ? config.DATABASE_PATH : 'data/playground.sqlite';

console.log('Starting the fake Discord and the bot…');
const session = await startPlaygroundSession({
  config: { ...config, DATABASE_PATH: databasePath ?? 'data/playground.sqlite', REST_REQUESTS_PER_SECOND: 1000 },
  logger: pino({ level: 'warn' }, pino.destination(2)),
});
console.log(`Ready. Database: ${databasePath}\n${playgroundHelp}\n`);

const terminal = createInterface({ input: process.stdin, output: process.stdout });
const postedByBot = setInterval(() => {
  for (const message of session.newBotMessages()) console.log(`\n${message}\n`);
}, 500);

terminal.on('close', () => {
  clearInterval(postedByBot);
  void session.close().then(() => process.exit(0));
});

for (;;) {
  const line = await terminal.question(session.prompt()).catch(() => 'quit');
  if (/^(quit|exit)$/i.test(line.trim())) break;
  const answer = await session.handleLine(line);
  if (answer) console.log(`${answer}\n`);
}
terminal.close();

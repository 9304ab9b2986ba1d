import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess extends ScriptProcess {
  /** Resolves once it logged `ready` (logged in, commands registered, jobs started); rejects if it exits first. */
  ready(timeoutMilliseconds?: number): Promise<void>;
  /** Sends the signal and waits for the process to end. */
  stop(signal: NodeJS.Signals): Promise<ProcessExit>;
}

/** The files a bot process keeps in its folder; a restart on the same folder sees the same state. */
export function botFiles(folder: string) {
  return { database: join(folder, 'state.sqlite'), knowledgeBaseDirectory: join(folder, 'knowledge') };
}

export interface ScriptProcess {
  child: ChildProcess;
  exited: Promise<ProcessExit>;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Calls `listener` whenever it prints something; returns how to stop listening. */
  onOutput(listener: () => void): () => void;
}

/**
 * The one way tests start a process: an entry point run as `npm run` runs it (a TypeScript file with tsx, a
 * built .js file with plain node), with only the environment given: nothing from the test's own environment
 * (or a .env file's settings already loaded) leaks in.
 */
export function runScript(entry: string, environment: Record<string, string>, args: string[] = [], options: { cwd?: string } = {}): ScriptProcess {
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, entry, ...args], {
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return {
    child,
    exited: new Promise<ProcessExit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    output: () => output,
    onOutput(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * The bot as a child process: `npm start` (src/main.ts) unless `entry` names another start script, logged in to
 * the Discord at `apiBase`, keeping its files in `folder`: its signal handling, exit codes and crashes are real.
 */
export function spawnBot(options: { apiBase: string; folder: string; environment?: Record<string, string>; entry?: string }): BotProcess {
  const files = botFiles(options.folder);
  const script = runScript(options.entry ?? 'src/main.ts', {
    HOME: options.folder,
    DISCORD_TOKEN: 'a-token',
    DISCORD_API_BASE: options.apiBase,
    DATABASE_PATH: files.database,
    KNOWLEDGE_BASE_DIR: files.knowledgeBaseDirectory,
    LOG_LEVEL: 'info',
    REST_REQUESTS_PER_SECOND: '1000',
    ...options.environment,
  });

  function ready(timeoutMilliseconds = 25_000): Promise<void> {
    const isReady = () => script.output().split('\n').some((line) => line.includes('"msg":"ready"'));
    return new Promise((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        stopListening();
        outcome();
      };
      const stopListening = script.onOutput(() => {
        if (isReady()) finish(resolve);
      });
      const timer = setTimeout(() => finish(() => reject(new Error(`the bot was not ready within ${timeoutMilliseconds} ms:\n${script.output()}`))), timeoutMilliseconds);
      void script.exited.then((exit) => finish(() => reject(new Error(`the bot exited (${JSON.stringify(exit)}) before it was ready:\n${script.output()}`))));
      if (isReady()) finish(resolve);
    });
  }

  return {
    ...script,
    ready,
    stop(signal) {
      script.child.kill(signal);
      return script.exited;
    },
  };
}

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ChildReport, ParentRequest } from './processes/answerParent.js';

export type BenchProcessKind = 'bot' | 'pong';

export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The bot as production runs it (bundled, as npm run build bundles it), or module by module as transpiled: a CPU
 * profile can only tell the bot's areas apart (src/storage, commands/…) by the file each function comes from.
 */
export type BotBuild = 'bundle' | 'modules';

const botEntries: Record<BotBuild, string> = {
  bundle: 'bench/processes/bot/botProcess.js',
  modules: 'bench/processes/botProcess.js',
};
const pongEntry = 'bench/processes/pongProcess.js';

const readyTimeoutMilliseconds = 120_000;
const reportTimeoutMilliseconds = 30_000;
const stderrKept = 4_000;

export interface BenchProcess {
  kind: BenchProcessKind;
  pid: number;
  /** From spawning to the process saying it is ready (logged in, guilds received; the bot also registered its commands). */
  startToReadyMilliseconds: number;
  report(): Promise<ChildReport>;
  /** CPU profile of the process between these two calls, written to `file` (a .cpuprofile Chrome DevTools opens). */
  startProfile(): Promise<void>;
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

function waitForMessage(child: ChildProcess, kind: ChildMessage['kind'], timeoutMilliseconds: number, stderr: () => string): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      outcome();
    };
    const onMessage = (message: ChildMessage) => {
      if (message.kind === kind) settle(() => resolve(message));
    };
    const onExit = (code: number | null) => settle(() => reject(new Error(`bench: child process exited (${code}) before '${kind}':\n${stderr()}`)));
    const timer = setTimeout(() => settle(() => reject(new Error(`bench: no '${kind}' from the child process within ${timeoutMilliseconds} ms:\n${stderr()}`))), timeoutMilliseconds);
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

export type StartBenchProcess = (kind: BenchProcessKind, environment: Record<string, string>) => Promise<BenchProcess>;

/**
 * How to start a bench entry (the real bot or the pong baseline) from the JavaScript `compileForNode` wrote:
 * plain `node --expose-gc`, resolving once the process says it is ready. Its logs go nowhere (writing them
 * still costs the bot what it costs in production).
 */
export function benchProcessLauncher(compiledRoot: string, nodeArguments: readonly string[] = [], botBuild: BotBuild = 'bundle'): StartBenchProcess {
  return (kind, environment) =>
    startBenchProcess(join(compiledRoot, kind === 'bot' ? botEntries[botBuild] : pongEntry), kind, environment, nodeArguments);
}

async function startBenchProcess(entry: string, kind: BenchProcessKind, environment: Record<string, string>, nodeArguments: readonly string[]): Promise<BenchProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', ...nodeArguments, entry], {
    cwd: repositoryRoot,
    env: { PATH: process.env['PATH'] ?? '', ...environment },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-stderrKept);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForMessage(child, 'ready', readyTimeoutMilliseconds, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const startToReadyMilliseconds = performance.now() - started;
  const ask = (request: ParentRequest, answer: ChildMessage['kind']) => {
    const message = waitForMessage(child, answer, reportTimeoutMilliseconds, () => stderr);
    child.send(request);
    return message;
  };
  return {
    kind,
    pid: child.pid ?? 0,
    startToReadyMilliseconds,
    async report() {
      const message = await ask({ kind: 'report' }, 'report');
      if (message.kind !== 'report') throw new Error('bench: unexpected answer');
      return message.report;
    },
    startProfile: () => ask({ kind: 'start-profile' }, 'profile-started').then(() => undefined),
    stopProfile: (file) => ask({ kind: 'stop-profile', file }, 'profile-stopped').then(() => undefined),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}

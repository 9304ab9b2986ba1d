import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** What a bench child process tells the benchmark about itself. */
export interface ChildReport {
  guilds: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** User + system CPU time since the process started. */
  cpuMicroseconds: number;
}

/** 'report' asks for a ChildReport; a profile starts, and stops into a .cpuprofile file, around a measured window. */
export type ParentRequest = { kind: 'report' } | { kind: 'start-profile' } | { kind: 'stop-profile'; file: string };
export type ChildMessage = { kind: 'ready' } | { kind: 'report'; report: ChildReport } | { kind: 'profile-started' } | { kind: 'profile-stopped' };

/** Both collections, so the figures show what the process keeps, not what it has not yet collected (needs --expose-gc). */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

function report(guildCount: () => number): ChildMessage {
  collectGarbage();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { kind: 'report', report: { guilds: guildCount(), rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, cpuMicroseconds: cpu.user + cpu.system } };
}

/** V8's sampling profiler through the inspector: only the window the benchmark asks for, not the start. */
function createProfiler() {
  const session = new Session();
  session.connect();
  return {
    async start(): Promise<ChildMessage> {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
      return { kind: 'profile-started' };
    },
    async stop(file: string): Promise<ChildMessage> {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      return { kind: 'profile-stopped' };
    },
  };
}

/** Says "ready" over the IPC channel, then answers the benchmark's requests (ParentRequest). */
export function answerParent(guildCount: () => number): void {
  const send = (message: ChildMessage) => process.send?.(message);
  // Connected on the first profile only: a measured run has no inspector session at all.
  let profiler: ReturnType<typeof createProfiler> | undefined;
  process.on('message', (request: ParentRequest) => {
    if (request.kind === 'report') send(report(guildCount));
    else if (request.kind === 'start-profile') void (profiler ??= createProfiler()).start().then(send);
    else if (profiler) void profiler.stop(request.file).then(send);
  });
  // The parent's IPC channel alone must not keep a finished process alive, nor must its loss leave one running.
  process.on('disconnect', () => process.exit(0));
  send({ kind: 'ready' });
}

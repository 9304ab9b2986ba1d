/** What a bench child process tells the benchmark about itself. */
export interface ChildReport {
  guilds: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** User + system CPU time since the process started. */
  cpuMicroseconds: number;
}

export type ParentRequest = 'report';
export type ChildMessage = { kind: 'ready' } | { kind: 'report'; report: ChildReport };

/** Both collections, so the figures show what the process keeps, not what it has not yet collected (needs --expose-gc). */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/** Says "ready" over the IPC channel, then answers each 'report' request with memory, CPU time and the guilds cached. */
export function answerParent(guildCount: () => number): void {
  const send = (message: ChildMessage) => process.send?.(message);
  process.on('message', (request: ParentRequest) => {
    if (request !== 'report') return;
    collectGarbage();
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    send({ kind: 'report', report: { guilds: guildCount(), rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, cpuMicroseconds: cpu.user + cpu.system } });
  });
  // The parent's IPC channel alone must not keep a finished process alive, nor must its loss leave one running.
  process.on('disconnect', () => process.exit(0));
  send({ kind: 'ready' });
}

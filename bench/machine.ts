import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineDescription {
  cpus: number;
  cpuModel: string;
  memoryGigabytes: number;
  node: string;
  platform: string;
  /** 1-minute load average when the benchmark started: other work on the machine skews every figure. */
  loadAverageAtStart: number;
}

export function describeMachine(): MachineDescription {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGigabytes: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import type { HealthStatus } from '../health/healthServer.js';
import { withTimeout } from '../timing/withTimeout.js';

/** What a shard process tells the manager: its health checks and its metrics as prom-client JSON. */
export interface ShardReport {
  health: HealthStatus;
  metrics: Array<MetricObjectWithValues<MetricValue<string>>>;
}

/** The manager's side of one shard process (discord.js's `Shard` fits). */
export interface ShardChannel {
  send(message: unknown): Promise<unknown>;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

interface ReportRequest {
  type: 'watchalong:report-request';
  requestId: number;
}

interface ReportAnswer {
  type: 'watchalong:report';
  requestId: number;
  report: ShardReport;
}

function isReportRequest(message: unknown): message is ReportRequest {
  return (message as Partial<ReportRequest> | null)?.type === 'watchalong:report-request';
}

function isAnswerTo(message: unknown, requestId: number): message is ReportAnswer {
  const answer = message as Partial<ReportAnswer> | null;
  return answer?.type === 'watchalong:report' && answer.requestId === requestId;
}

let nextRequestId = 1;

/**
 * In a shard process: answers the manager's report requests over the IPC channel that discord.js's
 * ShardingManager opens. Returns a function that stops answering.
 */
export function answerReportRequests(report: () => Promise<ShardReport>): () => void {
  const listener = (message: unknown) => {
    if (!isReportRequest(message)) return;
    void report().then((value) => {
      const answer: ReportAnswer = { type: 'watchalong:report', requestId: message.requestId, report: value };
      process.send?.(answer);
    });
  };
  process.on('message', listener);
  return () => process.off('message', listener);
}

/** In the manager: the report of one shard process, or undefined when it does not answer in time (hung, restarting). */
export async function requestShardReport(shard: ShardChannel, timeoutMilliseconds: number): Promise<ShardReport | undefined> {
  const requestId = nextRequestId++;
  const request: ReportRequest = { type: 'watchalong:report-request', requestId };
  let listener = (_message: unknown) => {};
  const answer = new Promise<ShardReport | undefined>((resolve) => {
    listener = (message) => {
      if (isAnswerTo(message, requestId)) resolve(message.report);
    };
    shard.on('message', listener);
    shard.send(request).catch(() => resolve(undefined));
  });
  try {
    return await withTimeout(answer, timeoutMilliseconds, () => undefined);
  } finally {
    shard.off('message', listener);
  }
}

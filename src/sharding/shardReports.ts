import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import type { HealthStatus } from '../health/healthServer.js';

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
export function requestShardReport(shard: ShardChannel, timeoutMilliseconds: number): Promise<ShardReport | undefined> {
  const requestId = nextRequestId++;
  return new Promise((resolve) => {
    const finish = (report: ShardReport | undefined) => {
      clearTimeout(timer);
      shard.off('message', listener);
      resolve(report);
    };
    const listener = (message: unknown) => {
      if (isAnswerTo(message, requestId)) finish(message.report);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMilliseconds);
    shard.on('message', listener);
    const request: ReportRequest = { type: 'watchalong:report-request', requestId };
    shard.send(request).catch(() => finish(undefined));
  });
}

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prometheusContentType } from './promClient.js';
import type { Logger } from '../logging/logger.js';
import { newErrorId } from '../logging/logger.js';

/** The result of one health check: healthy when every named check passed. */
export interface HealthStatus {
  healthy: boolean;
  checks: Record<string, boolean>;
  /** Knowledge packs left out at start, by id, with their first problem: the bot serves the others, so still healthy. */
  brokenPacks?: Record<string, string>;
}

/** What the health server reports on: one bot process, or the sharding manager speaking for its shards. */
export interface HealthSource {
  health(): Promise<HealthStatus>;
  /** Metrics in the Prometheus text format. */
  metrics(): Promise<string>;
}

export interface HealthServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** The interface to listen on (HEALTH_HOST): loopback unless the operator opens it up. */
  host: string;
  source: HealthSource;
  logger: Logger;
  /** How long a client may take to send its request; the defaults suit probes and scrapers. */
  timeouts?: Partial<HealthServerTimeouts>;
}

export interface HealthServerTimeouts {
  /** The whole request head (line and headers) must arrive within this. */
  headersMilliseconds: number;
  /** The whole request must arrive within this. */
  requestMilliseconds: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveMilliseconds: number;
  /** How often Node checks connections against the two limits above. */
  checkEveryMilliseconds: number;
}

const defaultTimeouts: HealthServerTimeouts = {
  headersMilliseconds: 5_000,
  requestMilliseconds: 5_000,
  keepAliveMilliseconds: 2_000,
  checkEveryMilliseconds: 1_000,
};

/** Probes and one Prometheus need a handful; the cap keeps a connection flood from exhausting file descriptors. */
const maximumConnections = 64;

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

type Answer = { status: number; contentType: string; body: string };

const json = (status: number, value: unknown): Answer => ({ status, contentType: 'application/json', body: JSON.stringify(value) });

/**
 * The path of a request target, or undefined when it is malformed. `new URL` throws on targets such as `//`
 * (an authority with no host); absolute-form targets (`http://host/healthz`) are valid HTTP/1.1 and answered.
 */
export function requestPath(target: string | undefined): string | undefined {
  if (target === undefined || target === '') return undefined;
  if (!URL.canParse(target, 'http://health')) return undefined;
  return new URL(target, 'http://health').pathname;
}

const routes: Record<string, (source: HealthSource) => Promise<Answer>> = {
  async '/healthz'(source) {
    const status = await source.health();
    return json(status.healthy ? 200 : 503, {
      status: status.healthy ? 'ok' : 'unavailable',
      checks: status.checks,
      ...(status.brokenPacks && Object.keys(status.brokenPacks).length > 0 ? { brokenPacks: status.brokenPacks } : {}),
    });
  },
  async '/metrics'(source) {
    return { status: 200, contentType: prometheusContentType, body: await source.metrics() };
  },
};

/** Serves `GET /healthz` (200 or 503, for Docker and orchestrators) and `GET /metrics` (for Prometheus). */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { source, logger } = options;
  const timeouts = { ...defaultTimeouts, ...options.timeouts };

  async function answer(request: IncomingMessage): Promise<Answer> {
    const path = requestPath(request.url);
    if (path === undefined) return json(400, { error: 'malformed request target' });
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!route) return json(404, { error: 'not found', paths: Object.keys(routes) });
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { error: 'only GET' });
    try {
      return await route(source);
    } catch (error) {
      logger.error({ err: error, path }, 'health endpoint failed');
      // An unanswerable health check means unhealthy, never a 500 that a prober might read as "up".
      return json(503, { status: 'unavailable', error: 'check failed' });
    }
  }

  function respond(request: IncomingMessage, response: ServerResponse, result: Answer): void {
    response.writeHead(result.status, { 'content-type': result.contentType, 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : result.body);
  }

  const server = createServer(
    {
      headersTimeout: timeouts.headersMilliseconds,
      requestTimeout: timeouts.requestMilliseconds,
      keepAliveTimeout: timeouts.keepAliveMilliseconds,
      connectionsCheckingInterval: timeouts.checkEveryMilliseconds,
    },
    (request, response) => {
      answer(request)
        .then((result) => respond(request, response, result))
        .catch((error: unknown) => {
          // Nothing a client sends may take the bot down: log it with an id and close this one request.
          const errorId = newErrorId();
          logger.error({ err: error, errorId, target: request.url?.slice(0, 200) }, 'health request failed');
          if (!response.headersSent) respond(request, response, json(500, { error: 'internal error', errorId }));
          else response.destroy();
        });
    },
  );
  server.maxConnections = maximumConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  logger.info({ port, host: options.host }, 'health server listening');
  return {
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

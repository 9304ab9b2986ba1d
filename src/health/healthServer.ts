import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prometheusContentType } from 'prom-client';
import type { Logger } from '../logging/logger.js';

/** The result of one health check: healthy when every named check passed. */
export interface HealthStatus {
  healthy: boolean;
  checks: Record<string, boolean>;
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
  /** All interfaces by default, so a Prometheus in another container can scrape it. */
  host?: string;
  source: HealthSource;
  logger: Logger;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

type Answer = { status: number; contentType: string; body: string };

const json = (status: number, value: unknown): Answer => ({ status, contentType: 'application/json', body: JSON.stringify(value) });

const routes: Record<string, (source: HealthSource) => Promise<Answer>> = {
  async '/healthz'(source) {
    const status = await source.health();
    return json(status.healthy ? 200 : 503, { status: status.healthy ? 'ok' : 'unavailable', checks: status.checks });
  },
  async '/metrics'(source) {
    return { status: 200, contentType: prometheusContentType, body: await source.metrics() };
  },
};

/** Serves `GET /healthz` (200 or 503, for Docker and orchestrators) and `GET /metrics` (for Prometheus). */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { source, logger } = options;

  async function answer(request: IncomingMessage): Promise<Answer> {
    const path = new URL(request.url ?? '/', 'http://health').pathname;
    const route = routes[path];
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

  const server = createServer((request, response) => {
    void answer(request).then((result) => respond(request, response, result));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  logger.info({ port }, 'health server listening');
  return {
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

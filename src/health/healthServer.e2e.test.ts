import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer } from './healthServer.js';
import type { HealthServer, HealthSource, HealthStatus } from './healthServer.js';

const logger = pino({ level: 'silent' });
let server: HealthServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(source: HealthSource): Promise<string> {
  server = await startHealthServer({ port: 0, host: '127.0.0.1', source, logger });
  return `http://127.0.0.1:${server.port}`;
}

function sourceReporting(status: HealthStatus | Error): HealthSource {
  return {
    health: () => (status instanceof Error ? Promise.reject(status) : Promise.resolve(status)),
    metrics: () => Promise.resolve('watchalong_guilds 2\n'),
  };
}

describe('the health server', () => {
  it.each([
    { checks: { gateway: true, database: true }, healthy: true, status: 200, body: 'ok' },
    { checks: { gateway: false, database: true }, healthy: false, status: 503, body: 'unavailable' },
    { checks: { gateway: true, database: false }, healthy: false, status: 503, body: 'unavailable' },
  ])('answers /healthz with $status when the checks are $checks', async ({ checks, healthy, status, body }) => {
    const base = await serve(sourceReporting({ healthy, checks }));

    const response = await fetch(`${base}/healthz`);

    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ status: body, checks });
  });

  it('answers 503 when the check itself fails', async () => {
    const base = await serve(sourceReporting(new Error('database is locked')));

    const response = await fetch(`${base}/healthz`);

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable' });
  });

  it('serves metrics in the Prometheus text format', async () => {
    const base = await serve(sourceReporting({ healthy: true, checks: {} }));

    const response = await fetch(`${base}/metrics`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await response.text()).toBe('watchalong_guilds 2\n');
  });

  it.each([
    { method: 'GET', path: '/', status: 404 },
    { method: 'GET', path: '/health', status: 404 },
    { method: 'POST', path: '/healthz', status: 405 },
    { method: 'HEAD', path: '/healthz', status: 200 },
    { method: 'GET', path: '/healthz?verbose=1', status: 200 },
  ])('answers $method $path with $status', async ({ method, path, status }) => {
    const base = await serve(sourceReporting({ healthy: true, checks: {} }));

    expect((await fetch(`${base}${path}`, { method })).status).toBe(status);
  });

  it('refuses to start on a port that is taken, with the reason', async () => {
    const base = await serve(sourceReporting({ healthy: true, checks: {} }));
    const port = Number(new URL(base).port);

    await expect(startHealthServer({ port, host: '127.0.0.1', source: sourceReporting({ healthy: true, checks: {} }), logger })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});

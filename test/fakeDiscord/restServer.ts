import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordApiError } from './restErrors.js';
import type { RestFaults } from './restFaults.js';
import { parseRequestBody } from './requestBody.js';
import { findRoute } from './router.js';
import type { Route, RouteResult } from './router.js';
import type { RecordedRequest } from './types.js';

export const API_PREFIX = '/api/v10';

export interface RequestLog {
  requests: RecordedRequest[];
  unknownRoutes: RecordedRequest[];
}

/** Records every REST request, applies injected faults, then hands the request to the matching route. */
export function createRestHandler(routes: Route[], faults: RestFaults, log: RequestLog) {
  return async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(incoming.url ?? '/', 'http://fake.invalid');
    const { body, files } = await parseRequestBody(incoming.headers['content-type'], await readAll(incoming));
    const path = decodeURIComponent(url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname);
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      files,
      at: new Date(),
      status: 0,
    };
    log.requests.push(request);

    const failure = faults.take(path);
    if (failure !== undefined) {
      send(response, request, { status: failure.status, body: failure.body }, failure.headers);
      return;
    }
    const match = url.pathname.startsWith(API_PREFIX) ? findRoute(routes, request.method, path) : undefined;
    if (match === undefined) {
      log.unknownRoutes.push(request);
      send(response, request, errorResult(new DiscordApiError('unknownRoute')));
      return;
    }
    try {
      send(response, request, await match.route.handle({ params: match.params, query: request.query, body, files, request }));
    } catch (error) {
      if (!(error instanceof DiscordApiError)) throw error;
      send(response, request, errorResult(error));
    }
  };
}

function errorResult(error: DiscordApiError): RouteResult {
  return { status: error.status, body: error.toBody() };
}

function send(response: ServerResponse, request: RecordedRequest, result: RouteResult, headers: Record<string, string> = {}): void {
  request.status = result.status;
  if (result.body === undefined) {
    response.writeHead(result.status, headers).end();
    return;
  }
  response.writeHead(result.status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(result.body));
}

async function readAll(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

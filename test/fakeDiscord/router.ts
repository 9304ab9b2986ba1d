import type { RecordedRequest, UploadedFile } from './types.js';

export interface RouteContext {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: UploadedFile[];
  request: RecordedRequest;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below `/api/v10`, with `:name` segments, e.g. `/channels/:channelId/messages`. */
  pattern: string;
  handle: (context: RouteContext) => RouteResult | Promise<RouteResult>;
}

export function ok(body: unknown): RouteResult {
  return { status: 200, body };
}

export function noContent(): RouteResult {
  return { status: 204 };
}

export function findRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  const segments = path.split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchSegments(route.pattern.split('/'), segments);
    if (params !== undefined) return { route, params };
  }
  return undefined;
}

function matchSegments(patternSegments: string[], segments: string[]): Record<string, string> | undefined {
  if (patternSegments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, patternSegment] of patternSegments.entries()) {
    const segment = segments[index] ?? '';
    if (patternSegment.startsWith(':')) {
      if (segment === '') return undefined;
      params[patternSegment.slice(1)] = segment;
    } else if (patternSegment !== segment) {
      return undefined;
    }
  }
  return params;
}

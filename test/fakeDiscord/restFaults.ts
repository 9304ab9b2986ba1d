/** Failures a test asks the fake to answer with instead of handling the next matching requests. */
export interface RestFailureSpec {
  status: 429 | 500 | 502 | 503;
  count: number;
  /** Only requests whose path contains this text fail; all requests when left out. */
  pathIncludes?: string;
  /** For 429: how long discord.js is told to wait. Defaults to 0.05 s so tests stay fast. */
  retryAfterSeconds?: number;
}

export interface InjectedFailure {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export class RestFaults {
  private readonly pending: Array<RestFailureSpec & { remaining: number }> = [];

  inject(spec: RestFailureSpec): void {
    this.pending.push({ ...spec, remaining: spec.count });
  }

  /** Consumes one failure matching `path`, if any is left. */
  take(path: string): InjectedFailure | undefined {
    const spec = this.pending.find((candidate) => candidate.remaining > 0 && path.includes(candidate.pathIncludes ?? ''));
    if (spec === undefined) return undefined;
    spec.remaining -= 1;
    if (spec.status !== 429) return { status: spec.status, headers: {}, body: { message: 'Server Error', code: 0 } };
    const retryAfter = spec.retryAfterSeconds ?? 0.05;
    return {
      status: 429,
      headers: {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-scope': 'user',
      },
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false, code: 0 },
    };
  }

  remaining(): number {
    return this.pending.reduce((sum, spec) => sum + spec.remaining, 0);
  }
}

import { DiscordApiError } from './restErrors.js';
import type { InteractionOutcome, RecordedRequest } from './types.js';

/** Discord refuses the initial callback after 3 seconds, and follow-up tokens after 15 minutes. */
export const INITIAL_RESPONSE_DEADLINE_MS = 3000;
const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

export interface TrackedInteraction {
  id: string;
  token: string;
  type: number;
  label: string;
  guildId: string | null;
  channelId: string;
  userId: string;
  /** The message holding the clicked component, for component interactions. */
  sourceMessageId: string | null;
  dispatchedAt: number;
  acknowledged: boolean;
  outcome: InteractionOutcome;
  /** Marks the bot's answer as complete; the caller of sendCommand & co. then gets the outcome. */
  settle: () => void;
  fail: (reason: string) => void;
}

/** Interactions sent to the bot, found again by id (callbacks) or token (webhook edits and follow-ups). */
export class InteractionTracker {
  private readonly byId = new Map<string, TrackedInteraction>();
  private readonly byToken = new Map<string, TrackedInteraction>();

  constructor(private readonly responseDeadlineMs: number) {}

  track(fields: Omit<TrackedInteraction, 'acknowledged' | 'outcome' | 'settle' | 'fail' | 'dispatchedAt'>, timeoutMs: number): { tracked: TrackedInteraction; outcome: Promise<InteractionOutcome> } {
    this.forgetExpired();
    const outcome: InteractionOutcome = { callbackType: 0, ephemeral: false, deferred: false, message: undefined, followUps: [], autocompleteChoices: [], modal: undefined, raw: [] };
    let settle = () => {};
    let fail: (reason: string) => void = () => {};
    const promise = new Promise<InteractionOutcome>((resolve, reject) => {
      const timer = setTimeout(() => fail(`got no complete answer within ${timeoutMs} ms`), timeoutMs);
      settle = () => {
        clearTimeout(timer);
        resolve(outcome);
      };
      fail = (reason) => {
        clearTimeout(timer);
        reject(new Error(`fake Discord: interaction ${fields.label} ${reason}. Requests seen: ${describeRequests(outcome.raw)}`));
      };
    });
    const tracked: TrackedInteraction = { ...fields, dispatchedAt: Date.now(), acknowledged: false, outcome, settle: () => settle(), fail: (reason) => fail(reason) };
    this.byId.set(tracked.id, tracked);
    this.byToken.set(tracked.token, tracked);
    return { tracked, outcome: promise };
  }

  /** The interaction a callback is for; Discord answers 404 Unknown interaction once the response window closed. */
  forCallback(id: string, token: string, request: RecordedRequest): TrackedInteraction {
    const tracked = this.byId.get(id);
    if (tracked === undefined || tracked.token !== token) throw new DiscordApiError('unknownInteraction');
    tracked.outcome.raw.push(request);
    const elapsed = Date.now() - tracked.dispatchedAt;
    if (!tracked.acknowledged && elapsed > this.responseDeadlineMs) {
      tracked.fail(`was answered after ${elapsed} ms, past Discord's ${this.responseDeadlineMs} ms limit (defer first)`);
      throw new DiscordApiError('unknownInteraction');
    }
    if (tracked.acknowledged) throw new DiscordApiError('interactionAlreadyAcknowledged');
    return tracked;
  }

  /** Keeps long benchmark runs from holding every interaction ever sent; Map order is dispatch order. */
  private forgetExpired(): void {
    for (const tracked of this.byId.values()) {
      if (Date.now() - tracked.dispatchedAt <= TOKEN_LIFETIME_MS) return;
      this.byId.delete(tracked.id);
      this.byToken.delete(tracked.token);
    }
  }

  /** The interaction behind a webhook token, for edits of @original and follow-ups. */
  forWebhook(token: string, request: RecordedRequest): TrackedInteraction {
    const tracked = this.byToken.get(token);
    if (tracked === undefined) throw new DiscordApiError('unknownWebhook');
    tracked.outcome.raw.push(request);
    if (Date.now() - tracked.dispatchedAt > TOKEN_LIFETIME_MS) throw new DiscordApiError('invalidWebhookToken');
    return tracked;
  }
}

function describeRequests(requests: RecordedRequest[]): string {
  if (requests.length === 0) return 'none';
  return requests.map((request) => `${request.method} ${request.path} -> ${request.status || 'pending'}`).join('; ');
}

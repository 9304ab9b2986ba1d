/** The error bodies Discord answers with, so discord.js raises the same DiscordAPIError codes as in production. */
const KNOWN_ERRORS = {
  unknownRoute: { status: 404, code: 0, message: '404: Not Found' },
  unknownChannel: { status: 404, code: 10003, message: 'Unknown Channel' },
  unknownGuild: { status: 404, code: 10004, message: 'Unknown Guild' },
  unknownMember: { status: 404, code: 10007, message: 'Unknown Member' },
  unknownMessage: { status: 404, code: 10008, message: 'Unknown Message' },
  unknownUser: { status: 404, code: 10013, message: 'Unknown User' },
  unknownWebhook: { status: 404, code: 10015, message: 'Unknown Webhook' },
  unknownInteraction: { status: 404, code: 10062, message: 'Unknown interaction' },
  unknownApplicationCommand: { status: 404, code: 10063, message: 'Unknown application command' },
  unknownScheduledEvent: { status: 404, code: 10070, message: 'Unknown Guild Scheduled Event' },
  cannotEditAnotherUsersMessage: { status: 403, code: 50005, message: 'Cannot edit a message authored by another user' },
  cannotSendEmptyMessage: { status: 400, code: 50006, message: 'Cannot send an empty message' },
  missingPermissions: { status: 403, code: 50013, message: 'Missing Permissions' },
  invalidFormBody: { status: 400, code: 50035, message: 'Invalid Form Body' },
  invalidWebhookToken: { status: 401, code: 50027, message: 'Invalid Webhook Token' },
  invalidChannelType: { status: 400, code: 50024, message: 'Cannot execute action on this channel type' },
  threadArchived: { status: 400, code: 50083, message: 'Thread is archived' },
  threadAlreadyCreatedForMessage: { status: 400, code: 160004, message: 'A thread has already been created for this message' },
  interactionAlreadyAcknowledged: { status: 400, code: 40060, message: 'Interaction has already been acknowledged.' },
} as const;

export type KnownErrorName = keyof typeof KNOWN_ERRORS;

export interface FieldProblem {
  /** Dotted path into the request body, e.g. `embeds.0.title`. */
  path: string;
  message: string;
}

export class DiscordApiError extends Error {
  readonly status: number;
  readonly code: number;
  readonly problems: FieldProblem[];

  constructor(name: KnownErrorName, problems: FieldProblem[] = []) {
    const known = KNOWN_ERRORS[name];
    super(known.message);
    this.status = known.status;
    this.code = known.code;
    this.problems = problems;
  }

  /** The JSON body Discord sends, with field errors nested as `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { message: this.message, code: this.code };
    if (this.problems.length > 0) body['errors'] = nestProblems(this.problems);
    return body;
  }
}

export function nestProblems(problems: FieldProblem[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const problem of problems) {
    let node = root;
    for (const key of problem.path.split('.')) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const errors = (node['_errors'] ??= []) as unknown[];
    errors.push({ code: 'INVALID', message: problem.message });
  }
  return root;
}

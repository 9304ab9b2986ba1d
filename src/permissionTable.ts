import type { AccessLevel } from './domain/permissions.js';

/**
 * Who may use each command, subcommand and button. The router enforces it on every interaction
 * (Discord's own command permissions can be overridden by server admins, so they are not enough).
 * Keys: "command", "command subcommand", or "button:<component name>". A test checks every
 * registered command and subcommand has an entry; the README shows this table.
 */
export const permissionTable: Record<string, AccessLevel> = {
  help: 'everyone',
  'progress show': 'everyone',
  'progress mine': 'everyone',
  'progress set': 'host',
  'progress next': 'host',
  'progress undo': 'host',
  'party create': 'manage-server',
  'party list': 'everyone',
  'party remove': 'manage-server',
  'watchparty schedule': 'host',
  'watchparty list': 'everyone',
  'watchparty cancel': 'host',
  'watchparty resume': 'host',
  'watchparty calendar': 'everyone',
  settings: 'manage-server',
  'button:rsvp': 'everyone',
  'button:finished': 'host',
  series: 'everyone',
  character: 'everyone',
  characters: 'everyone',
  episode: 'everyone',
  search: 'everyone',
  recap: 'everyone',
  'button:page': 'everyone',
  'trivia start': 'everyone',
  // The handler lets only the quiz's starter or Manage Server stop it.
  'trivia stop': 'everyone',
  'trivia leaderboard': 'everyone',
  'trivia stats': 'everyone',
  'button:trivia-answer': 'everyone',
};

/**
 * For host-only actions: whose hosts they are. By default the party of the channel the command is used in; these
 * act on another party, named by their options or by the schedule they are about, and the router checks host
 * rights against that party (SlashCommand.targetParty, ComponentHandler.targetParty).
 */
export const hostPartyTable: Record<string, string> = {
  'watchparty schedule': 'the party of the `channel` option (else this channel’s)',
  'watchparty cancel': 'the schedule’s party',
  'watchparty resume': 'the schedule’s party',
  'button:finished': 'the schedule’s party',
};

export function hostPartyFor(key: string): string {
  return hostPartyTable[key] ?? 'this channel’s party';
}

export function accessLevelFor(key: string): AccessLevel | undefined {
  return permissionTable[key];
}

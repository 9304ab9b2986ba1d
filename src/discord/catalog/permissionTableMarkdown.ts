import type { RegisteredComponent, SlashCommand } from '../command.js';
import type { AccessLevel } from '../../domain/permissions.js';
import { commandShapes, componentKey } from './commandCatalog.js';

export const permissionMarkers = { start: '<!-- permissions:start -->', end: '<!-- permissions:end -->' } as const;

const whoLabels: Record<AccessLevel, string> = {
  everyone: 'everyone',
  host: 'hosts',
  'manage-server': 'Manage Server',
};

/** Buttons carry no description of their own; a button missing here is still listed, by its name. */
const buttonDescriptions: Record<string, string> = {
  page: 'Previous / Next under a lookup answer',
  rsvp: 'Going / Maybe / Can’t under a reminder',
  finished: '“Yes, we finished episode N” after a session',
  'trivia-answer': 'The answer buttons under a quiz question',
};

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/**
 * The README's "who may do what" table, from the same permission table the router enforces, one
 * row per command, subcommand and button, described by the command definitions themselves.
 */
export function permissionTableMarkdown(
  commands: readonly SlashCommand[],
  components: readonly RegisteredComponent[],
  levelFor: (key: string) => AccessLevel | undefined,
  hostPartyFor: (key: string) => string,
): string {
  const who = (key: string) => {
    const level = levelFor(key);
    if (level === undefined) throw new Error(`the permission table has no entry for "${key}"`);
    return level === 'host' ? `hosts of ${hostPartyFor(key)}` : whoLabels[level];
  };
  const commandRows = commandShapes(commands).map((shape) => `| \`/${shape.key}\` | ${who(shape.key)} | ${escapeCell(shape.description)} |`);
  const buttonRows = components.map((component) => {
    const key = componentKey(component);
    return `| button \`${component.name}\` | ${who(key)} | ${escapeCell(buttonDescriptions[component.name] ?? component.name)} |`;
  });
  return ['| Command or button | Who may use it | What it does |', '| --- | --- | --- |', ...commandRows, ...buttonRows].join('\n');
}

/** `document` with the text between the permission markers replaced by `table`. */
export function withPermissionTable(document: string, table: string): string {
  const start = document.indexOf(permissionMarkers.start);
  const end = document.indexOf(permissionMarkers.end);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`the document needs ${permissionMarkers.start} and ${permissionMarkers.end}, in that order`);
  }
  return `${document.slice(0, start + permissionMarkers.start.length)}\n${table}\n${document.slice(end)}`;
}

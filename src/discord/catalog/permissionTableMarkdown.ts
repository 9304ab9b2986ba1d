import type { RegisteredComponent, SlashCommand } from '../command.js';
import type { AccessLevel } from '../../domain/permissions.js';
import { accessTable, hostPartyWords } from './accessTable.js';
import { commandShapes, componentKey } from './commandCatalog.js';

export const permissionMarkers = { start: '<!-- permissions:start -->', end: '<!-- permissions:end -->' } as const;

const whoLabels: Record<AccessLevel, string> = {
  everyone: 'everyone',
  host: 'hosts',
  'manage-server': 'Manage Server',
};

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/**
 * The README's "who may do what" table, from the declarations the router enforces, one row per command,
 * subcommand and button, described by the command definitions themselves. A subcommand Discord would show
 * but nothing declares is an error, not a row.
 */
export function permissionTableMarkdown(commands: readonly SlashCommand[], components: readonly RegisteredComponent[]): string {
  const table = accessTable(commands, components);
  const who = (key: string) => {
    const entry = table.get(key);
    if (entry === undefined) throw new Error(`nothing declares who may use "${key}"`);
    return entry.level === 'host' ? `hosts of ${hostPartyWords(entry)}` : whoLabels[entry.level];
  };
  const commandRows = commandShapes(commands).map((shape) => `| \`/${shape.key}\` | ${who(shape.key)} | ${escapeCell(shape.description)} |`);
  const buttonRows = components.map((component) => `| button \`${component.name}\` | ${who(componentKey(component))} | ${escapeCell(component.description)} |`);
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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands, components } from '../../../commands/index.js';
import { accessTable } from './accessTable.js';
import { commandShapes, permissionKeys } from './commandCatalog.js';
import { permissionMarkers, permissionTableMarkdown, withPermissionTable } from './permissionTableMarkdown.js';

const keys = permissionKeys(commands, components);
const declared = accessTable(commands, components);

describe('the declarations cover exactly what the bot registers', () => {
  // The router falls back to Manage Server for an undeclared key: safe, but a command nobody meant to restrict.
  it.each(keys)('"%s" is declared with who may use it', (key) => {
    expect(declared.has(key)).toBe(true);
  });

  it('declares no subcommand that Discord does not see', () => {
    expect([...declared.keys()].filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('reads subcommands from the definitions (the catalogue itself sees them)', () => {
    const progressKeys = commandShapes(commands).filter((shape) => shape.name === 'progress').map((shape) => shape.key);
    expect(progressKeys).toEqual(expect.arrayContaining(['progress set', 'progress show']));
    expect(keys).toContain('help');
    expect(keys).toContain('button:page');
  });
});

describe('the README table', () => {
  const table = permissionTableMarkdown(commands, components);

  it('is up to date with the declarations (run `npm run docs:permissions`)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(permissionMarkers.start);
    expect(withPermissionTable(readme, table)).toBe(readme);
  });

  it('has one row per key, saying who may use it', () => {
    const rows = table.split('\n').slice(2);
    expect(rows).toHaveLength(keys.length);
    expect(rows).toContain('| `/progress set` | hosts of this channel’s party | Hosts: set the last episode this party finished |');
    expect(rows.find((row) => row.startsWith('| `/watchparty cancel`'))).toContain('| hosts of the schedule’s party |');
    expect(rows).toContain('| `/party create` | Manage Server | Manage Server: create a watch party bound to a channel |');
    expect(rows.find((row) => row.startsWith('| button `page`'))).toContain('| everyone |');
  });

  it('names another party only for host-only actions that exist', () => {
    for (const [key, entry] of declared) if (entry.hostParty) expect(entry.level, key).toBe('host');
  });

  it('refuses to document a subcommand nothing declares', () => {
    const [progress] = commands.filter((command) => command.definition.name === 'progress');
    const undeclared = { ...progress!, subcommands: {} };
    expect(() => permissionTableMarkdown([undeclared], components)).toThrow(/nothing declares who may use "progress show"/);
  });

  it.each([
    ['before\n<!-- permissions:start -->\nold\n<!-- permissions:end -->\nafter', 'before\n<!-- permissions:start -->\nNEW\n<!-- permissions:end -->\nafter'],
    ['<!-- permissions:start --><!-- permissions:end -->', '<!-- permissions:start -->\nNEW\n<!-- permissions:end -->'],
  ])('replaces only what lies between the markers', (document, expected) => {
    expect(withPermissionTable(document, 'NEW')).toBe(expected);
  });

  it('needs both markers, in order', () => {
    expect(() => withPermissionTable('no markers here', 'NEW')).toThrow(/needs/);
    expect(() => withPermissionTable('<!-- permissions:end --> <!-- permissions:start -->', 'NEW')).toThrow(/in that order/);
  });
});

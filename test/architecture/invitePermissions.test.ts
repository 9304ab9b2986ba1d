import { readFileSync } from 'node:fs';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');

/** The rows of README's "Why Watchalong needs it" table: the permissions the invite link asks for. */
function explainedPermissions(): string[] {
  const table = readme.slice(readme.indexOf('| Permission | Why Watchalong needs it |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.map((row) => row.split('|')[1]!.trim());
}

const flagsByName = new Map(Object.entries(PermissionFlagsBits).map(([name, flag]) => [name.toLowerCase(), flag]));

function flagOf(name: string): bigint {
  const flag = flagsByName.get(name.replaceAll(' ', '').toLowerCase());
  if (flag === undefined) throw new Error(`README explains a permission Discord does not have: ${name}`);
  return flag;
}

describe('README’s invite link', () => {
  it('asks for exactly the permissions the admin guide explains', () => {
    const names = explainedPermissions();
    expect(names).toEqual(expect.arrayContaining(['Create Public Threads', 'Send Messages in Threads', 'Create Events']));
    const wanted = names.reduce((all, name) => all | flagOf(name), 0n);
    const [, invited] = /scope=bot\+applications\.commands&permissions=(\d+)/.exec(readme) ?? [];
    expect(invited).toBe(String(wanted));
    expect(readme).toContain(`The integer \`${wanted}\` is exactly these`);
    expect(readme).toContain(`\`permissions=${wanted | PermissionFlagsBits.MentionEveryone}\``);
  });
});

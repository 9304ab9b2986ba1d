import { describe, expect, it } from 'vitest';
import { checkCommand, optionNames } from './commandCheck.js';
import type { CommandDefinition, NameLookup } from './commandCheck.js';
import { parseCommandLine } from './parseCommandLine.js';

const definitions: CommandDefinition[] = [
  { name: 'character', options: [{ name: 'name', type: 3, required: true, max_length: 100 }, { name: 'private', type: 5 }] },
  {
    name: 'watchparty',
    options: [
      {
        name: 'schedule',
        type: 1,
        options: [
          { name: 'start', type: 3, required: true },
          { name: 'repeat', type: 3, choices: [{ name: 'once', value: 'none' }, { name: 'weekly', value: 'weekly' }] },
          { name: 'episodes', type: 4, min_value: 1, max_value: 12 },
          { name: 'channel', type: 7 },
        ],
      },
      { name: 'list', type: 1 },
    ],
  },
];
const lookup: NameLookup = (kind, typed) => (typed === '#dub' ? { id: '42' } : { problem: `no ${kind} ${typed} here` });
const check = (line: string, focused?: string) => checkCommand(parseCommandLine(line)!, definitions, lookup, focused);

describe('checkCommand', () => {
  it('types values by the command’s definition and reads choices by their names', () => {
    expect(check('/watchparty schedule start:in 2 minutes repeat:once episodes:3 channel:#dub')).toEqual({
      ok: true,
      value: { name: 'watchparty', subcommand: 'schedule', options: { start: 'in 2 minutes', repeat: 'none', episodes: 3, channel: '42' } },
    });
    expect(check('/character name:2024 private:true')).toEqual({ ok: true, value: { name: 'character', options: { name: '2024', private: true } } });
  });

  it.each([
    ['/dance', 'There is no /dance command here. Commands: /character, /watchparty'],
    ['/watchparty', '/watchparty needs a subcommand: schedule, list'],
    ['/watchparty jump', '/watchparty has no subcommand "jump". Pick one of: schedule, list'],
    ['/watchparty list now', '/watchparty list does not take "now". Write options as name:value'],
    ['/character nme:James', '/character has no option "nme". Its options: name, private'],
    ['/character private:true', '/character needs name:'],
    ['/character name:x private:yes', 'private: write true or false'],
    ['/watchparty schedule start:now episodes:13', 'episodes: the largest is 12'],
    ['/watchparty schedule start:now episodes:two', 'episodes: write a whole number'],
    ['/watchparty schedule start:now repeat:monthly', 'repeat: pick one of once, weekly'],
    ['/watchparty schedule start:now channel:#nowhere', 'channel: no channel #nowhere here'],
  ])('answers %s as Discord’s client would: %s', (line, problem) => {
    expect(check(line)).toEqual({ ok: false, problem });
  });

  it('leaves the focused option as typed and required options optional, for autocomplete', () => {
    expect(check('/watchparty schedule episodes:1', 'episodes')).toEqual({ ok: true, value: { name: 'watchparty', subcommand: 'schedule', options: { episodes: '1' } } });
  });

  it('knows every option name of a command, for the parser', () => {
    expect([...optionNames(definitions[1]!)]).toEqual(['start', 'repeat', 'episodes', 'channel']);
  });
});

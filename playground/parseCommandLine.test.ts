import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './parseCommandLine.js';

describe('parseCommandLine', () => {
  it.each([
    ['/help', { name: 'help', path: [], options: {} }],
    ['/progress set episode:3', { name: 'progress', path: ['set'], options: { episode: '3' } }],
    ['/character name:James', { name: 'character', path: [], options: { name: 'James' } }],
    ['/character name:"James Blood" private:true', { name: 'character', path: [], options: { name: 'James Blood', private: 'true' } }],
    ["/search query:'the masks'", { name: 'search', path: [], options: { query: 'the masks' } }],
    ['  /Party create name:Dub channel:#dub ', { name: 'party', path: ['create'], options: { name: 'Dub', channel: '#dub' } }],
  ])('%s', (line, expected) => {
    expect(parseCommandLine(line)).toEqual(expected);
  });

  it('takes an unquoted value up to the next option', () => {
    expect(parseCommandLine('/watchparty schedule start:in 2 minutes episodes:2 title:Saturday night watch')).toEqual({
      name: 'watchparty',
      path: ['schedule'],
      options: { start: 'in 2 minutes', episodes: '2', title: 'Saturday night watch' },
    });
  });

  it('keeps apostrophes, inside double quotes and in unquoted words', () => {
    expect(parseCommandLine(`/watchparty schedule title:"Alice's night" start:tomorrow 20:00`)?.options).toEqual({ title: "Alice's night", start: 'tomorrow 20:00' });
    expect(parseCommandLine(`/character name:Alice's`)?.options).toEqual({ name: "Alice's" });
  });

  it('reads options in any order', () => {
    expect(parseCommandLine('/watchparty schedule title:Late start:now')).toEqual(parseCommandLine('/watchparty schedule start:now title:Late'));
  });

  it('splits only on the command’s own option names when told them', () => {
    const known = (name: string) => name === 'query';
    expect(parseCommandLine('/search query:what is a mask: the truth', known)?.options).toEqual({ query: 'what is a mask: the truth' });
  });

  it('keeps times with colons whole', () => {
    expect(parseCommandLine('/watchparty schedule start:2027-06-01 20:00 timezone:Europe/Berlin')?.options).toEqual({ start: '2027-06-01 20:00', timezone: 'Europe/Berlin' });
  });

  it.each(['hello', '', '/', 'click 2'])('%j is not a slash command', (line) => {
    expect(parseCommandLine(line)).toBeUndefined();
  });
});

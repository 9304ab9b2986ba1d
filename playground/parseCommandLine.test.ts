import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './parseCommandLine.js';

describe('parseCommandLine', () => {
  it.each([
    ['/help', { name: 'help', path: [], options: {} }],
    ['/progress set episode:3', { name: 'progress', path: ['set'], options: { episode: 3 } }],
    ['/character name:James', { name: 'character', path: [], options: { name: 'James' } }],
    ['/character name:"James Blood" private:true', { name: 'character', path: [], options: { name: 'James Blood', private: true } }],
    ["/search query:'the masks'", { name: 'search', path: [], options: { query: 'the masks' } }],
    ['  /Party create name:Dub channel:#dub ', { name: 'party', path: ['create'], options: { name: 'Dub', channel: '#dub' } }],
  ])('%s', (line, expected) => {
    expect(parseCommandLine(line)).toEqual(expected);
  });

  it.each(['hello', '', '/', 'click 2'])('%j is not a slash command', (line) => {
    expect(parseCommandLine(line)).toBeUndefined();
  });
});

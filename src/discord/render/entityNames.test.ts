import { describe, expect, it } from 'vitest';
import { otherNames } from './entityNames.js';

const fredNames = [
  { name: 'Fred', nameKind: 'primary' },
  { name: 'Fred Faraday', nameKind: 'primary' },
  { name: 'フレッド・ファラデー', nameKind: 'japanese' },
];

describe('entity names', () => {
  it('lists earlier primary names and aliases as other names, once each', () => {
    expect(otherNames([...fredNames, { name: 'Fred', nameKind: 'alias' }], 'Fred Faraday')).toEqual(['Fred', 'フレッド・ファラデー']);
  });

});

import { describe, expect, it } from 'vitest';
import type { EntityName } from '../../domain/knowledge.js';
import { currentNamesById, otherNames } from './entityNames.js';

const fredNames = [
  { name: 'Fred', nameKind: 'primary' },
  { name: 'Fred Faraday', nameKind: 'primary' },
  { name: 'フレッド・ファラデー', nameKind: 'japanese' },
];

describe('entity names', () => {
  it('lists earlier primary names and aliases as other names, once each', () => {
    expect(otherNames([...fredNames, { name: 'Fred', nameKind: 'alias' }], 'Fred Faraday')).toEqual(['Fred', 'フレッド・ファラデー']);
  });

  it('picks the latest revealed primary name per entity, whatever order the rows come in', () => {
    const row = (entityId: string, name: string, nameKind: string, revealedIn: number): EntityName => ({
      entityId,
      kind: 'character',
      name,
      nameKind,
      primaryName: entityId === 'tina' ? 'Tina' : 'Grimm',
      revealedIn,
    });
    const names = currentNamesById([
      row('tina', 'Tina Herst', 'primary', 16),
      row('tina', 'Tina', 'primary', 15),
      row('grimm', 'Jeremy Payne', 'real-name', 4),
      row('grimm', 'Grimm', 'primary', 1),
    ]);
    expect(Object.fromEntries(names)).toEqual({ tina: 'Tina Herst', grimm: 'Grimm' });
  });
});

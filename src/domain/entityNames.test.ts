import { describe, expect, it } from 'vitest';
import { currentNamesById } from './entityNames.js';
import type { EntityName } from './knowledge.js';

describe('currentNamesById', () => {
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

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packJsonSchemaText } from './packJsonSchema.js';

describe('data/pack.schema.json', () => {
  it('is current with the zod schema (run `npm run kb:schema` after changing packSchema.ts)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../data/pack.schema.json', import.meta.url)), 'utf8');
    expect(committed).toBe(packJsonSchemaText());
  });
});

import { z } from 'zod';
import { packFileSchema } from './packSchema.js';

/** The JSON Schema text committed as data/pack.schema.json (draft 7: what editors understand best). */
export function packJsonSchemaText(): string {
  const schema = z.toJSONSchema(packFileSchema, { target: 'draft-7' });
  return `${JSON.stringify({ ...schema, title: 'Watchalong knowledge pack file' }, null, 2)}\n`;
}

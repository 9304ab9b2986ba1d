import * as z from 'zod';
import { commentKeyPrefix } from './packFiles.js';
import { packFileSchema } from './packSchema.js';

/** Comment keys (`"//id": "…"`) are allowed beside every field, as the loader ignores them. */
function allowingComments(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowingComments);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, allowingComments(value)]));
  if (copy['additionalProperties'] !== false) return copy;
  return { ...copy, patternProperties: { [`^${commentKeyPrefix}`]: { type: 'string' } } };
}

/** The JSON Schema text committed as data/pack.schema.json (draft 7: what editors understand best). */
export function packJsonSchemaText(): string {
  const schema = allowingComments(z.toJSONSchema(packFileSchema, { target: 'draft-7' })) as object;
  return `${JSON.stringify({ ...schema, title: 'Watchalong knowledge pack file' }, null, 2)}\n`;
}

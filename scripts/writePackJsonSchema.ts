/** Writes data/pack.schema.json from the zod pack schema, so editors validate pack files as you type. */
import { writeFileSync } from 'node:fs';
import { packJsonSchemaText } from '../src/pack/packJsonSchema.js';

const outputFile = process.argv[2] ?? 'data/pack.schema.json';
writeFileSync(outputFile, packJsonSchemaText());
console.log(`Wrote ${outputFile}`);

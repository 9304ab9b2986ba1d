import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod';
import { crossCheckPack } from './crossCheckPack.js';
import { commentKeyPrefix, entitiesFolderName, packFileNames } from './packFiles.js';
import type { PackProblem } from './packProblem.js';
import { formatJsonPath } from './packProblem.js';
import {
  entitiesFileSchema,
  episodesFileSchema,
  manifestFileSchema,
  questionsFileSchema,
  seriesFileSchema,
} from './packSchema.js';
import type { Pack } from './packSchema.js';

export type { PackProblem } from './packProblem.js';

type ParseResult<T> = { ok: true; value: T } | { ok: false };

/**
 * Reads and validates every file of a pack. Keeps going after a problem so that one run lists
 * everything wrong with the pack, not only the first thing.
 */
export function loadPack(
  directory: string,
  options: { expectedId?: string } = {},
): { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  const parseFile = <Schema extends z.ZodType>(file: string, schema: Schema): ParseResult<z.infer<Schema>> => {
    const read = readJson(directory, file);
    if (!read.ok) {
      problems.push(read.problem);
      return { ok: false };
    }
    const parsed = schema.safeParse(read.value);
    if (parsed.success) return { ok: true, value: parsed.data };
    for (const issue of parsed.error.issues) {
      problems.push({ file, path: formatJsonPath(issue.path), reason: issue.message });
    }
    return { ok: false };
  };

  const manifest = parseFile(packFileNames.manifest, manifestFileSchema);
  const series = parseFile(packFileNames.series, seriesFileSchema);
  const episodes = parseFile(packFileNames.episodes, episodesFileSchema);
  const questions = parseFile(packFileNames.questions, questionsFileSchema);
  const entityFiles = listEntityFiles(directory).flatMap((file) => {
    const parsed = parseFile(file, entitiesFileSchema);
    return parsed.ok ? [{ file, entities: parsed.value.entities }] : [];
  });
  if (entityFiles.length === 0 && problems.length === 0) {
    problems.push({ file: entitiesFolderName, path: '$', reason: 'no entity files found' });
  }

  // Parties store the pack id, so it is the folder's name and cannot drift from where the pack lives.
  if (manifest.ok && options.expectedId !== undefined && manifest.value.id !== options.expectedId) {
    problems.push({
      file: packFileNames.manifest,
      path: '$.id',
      reason: `is "${manifest.value.id}" but the pack's folder is "${options.expectedId}": they must be the same`,
    });
  }
  if (!manifest.ok || !series.ok || !episodes.ok || !questions.ok || problems.length > 0) {
    return { ok: false, problems };
  }
  const pack: Pack = {
    manifest: manifest.value,
    series: series.value.series,
    episodes: episodes.value.episodes,
    entityFiles,
    questions: questions.value.questions,
  };
  const crossCheckProblems = crossCheckPack(pack);
  return crossCheckProblems.length > 0 ? { ok: false, problems: crossCheckProblems } : { ok: true, pack };
}

function readJson(directory: string, file: string): { ok: true; value: unknown } | { ok: false; problem: PackProblem } {
  const fullPath = join(directory, file);
  if (!existsSync(fullPath)) return { ok: false, problem: { file, path: '$', reason: 'file is missing' } };
  try {
    return { ok: true, value: withoutComments(JSON.parse(readFileSync(fullPath, 'utf8')) as unknown) };
  } catch (error) {
    return { ok: false, problem: { file, path: '$', reason: `not valid JSON: ${(error as Error).message}` } };
  }
}

/** JSON has no comments, so a key starting with `//` is one (as `npm run pack:new` writes them): dropped before validation. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith(commentKeyPrefix))
      .map(([key, item]) => [key, withoutComments(item)]),
  );
}

/** Entity files in name order, so problems and compiled rows come out the same on every run. */
function listEntityFiles(directory: string): string[] {
  const folder = join(directory, entitiesFolderName);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${entitiesFolderName}/${name}`);
}

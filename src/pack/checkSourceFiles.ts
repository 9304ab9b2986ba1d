import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packFileNames } from './packFiles.js';
import { listPackItems } from './packItems.js';
import type { PackProblem } from './packProblem.js';
import { formatJsonPath } from './packProblem.js';
import type { Pack } from './packSchema.js';

/** Words in double quotes: a quotation, which the cited source must contain word for word. */
const quotation = /["“]([^"”]+)["”]/g;

/**
 * Checks a pack against the source documents its manifest names (they live outside the pack, so this
 * runs where they are, e.g. `npm run kb:build`): each file exists, a Markdown note defines the key
 * that points to it in its sources table, and every quotation in a cited item is in the cited file.
 */
export function checkSourceFiles(pack: Pack, sourcesDirectory: string): PackProblem[] {
  const problems: PackProblem[] = [];
  const textByKey = new Map<string, string>();
  pack.manifest.sources.forEach((source, index) => {
    if (source.file === undefined) return;
    const files: [string, (string | number)[]][] = [
      [source.file, ['sources', index, 'file']],
      ...(source.alsoDefinedIn ?? []).map((file, fileIndex): [string, (string | number)[]] => [file, ['sources', index, 'alsoDefinedIn', fileIndex]]),
    ];
    const texts = files.flatMap(([file, jsonPath]) => {
      const where = formatJsonPath(jsonPath);
      const path = join(sourcesDirectory, file);
      if (!existsSync(path)) {
        problems.push({ file: packFileNames.manifest, path: where, reason: `${file} is not in ${sourcesDirectory}` });
        return [];
      }
      const text = readFileSync(path, 'utf8');
      if (file.endsWith('.md') && !definesKey(text, source.key)) {
        problems.push({ file: packFileNames.manifest, path: where, reason: `${file} does not define the key "${source.key}" in its sources table` });
      }
      return [normalizeForQuotes(text)];
    });
    textByKey.set(source.key, texts.join('\n'));
  });

  const cited = [
    ...listPackItems(pack),
    ...pack.questions.flatMap((question, index) =>
      [question.prompt, question.answer, question.explanation].map((text) => ({
        file: packFileNames.questions,
        path: ['questions', index],
        text,
        source: question.source,
      })),
    ),
  ];
  for (const item of cited) {
    const sourceText = textByKey.get(item.source);
    if (sourceText === undefined) continue;
    for (const quoted of quotations(item.text)) {
      if (!sourceText.includes(quoted)) {
        problems.push({ file: item.file, path: formatJsonPath(item.path), reason: `quotes "${quoted}", which ${item.source} does not contain` });
      }
    }
  }
  return problems;
}

/** A research note's sources table has a row per key: | `research:S1-subs` | what it is |. */
function definesKey(markdown: string, key: string): boolean {
  return markdown.split('\n').some((line) => line.startsWith(`| \`${key}\` |`));
}

function quotations(text: string): string[] {
  return [...text.matchAll(quotation)].map((match) => normalizeForQuotes(match[1] ?? '').replace(/[.,;:!?]+$/, '')).filter((quoted) => quoted.length > 0);
}

/** Case, curly apostrophes and line breaks do not make a quotation differ from its source. */
function normalizeForQuotes(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/\s+/g, ' ').toLowerCase();
}

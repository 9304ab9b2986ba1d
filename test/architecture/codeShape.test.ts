import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Jscpd from 'jscpd';
import { describe, expect, it } from 'vitest';
import { codeFiles } from './codeFiles.js';

// jscpd's ES module build imports a CommonJS path that Node cannot resolve; its CommonJS build loads.
const { detectClones } = createRequire(import.meta.url)('jscpd') as typeof Jscpd;

/** House rule: small files with one job. Tests and data may be longer. */
const maximumLines = 250;

describe('code outside tests (the bot, its scripts, the playground and the benchmark)', () => {
  const files = codeFiles();

  it('finds the files', () => {
    expect(files).toContain('src/bot.ts');
    expect(files).toContain('commands/index.ts');
    expect(files.some((file) => file.endsWith('.test.ts'))).toBe(false);
  });

  it(`has no file over ${maximumLines} lines`, () => {
    const long = files
      .map((file) => ({ file, lines: readFileSync(file, 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > maximumLines);
    expect(long).toEqual([]);
  });

  it('has no copy-pasted code: no two places share six lines beyond their import lists', async () => {
    const clones = await detectClones({
      path: files,
      format: ['typescript'],
      minLines: 6,
      minTokens: 40,
      silent: true,
      reporters: [],
    });
    const importLine = /^\s*(import\b|export \{.*\} from|\} from '|type \w+,?$|\w+,$|$)/;
    const onlyImports = (file: string, start: number, end: number) =>
      readFileSync(file, 'utf8').split('\n').slice(start - 1, end).every((line) => importLine.test(line));
    const copies = clones
      .filter(({ duplicationA: copy }) => !onlyImports(copy.sourceId, copy.start.line, copy.end.line))
      .map(({ duplicationA: a, duplicationB: b }) => `${a.sourceId}:${a.start.line}-${a.end.line} ~ ${b.sourceId}:${b.start.line}-${b.end.line}`);
    expect(copies).toEqual([]);
  });
});

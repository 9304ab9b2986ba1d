import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { bundleBot } from '../scripts/bundleBot.js';

/** Everything a bench process imports (the pong bot lives with the fake Discord). Tests are left out. */
const sourceFolders = ['src', 'commands', 'test/fakeDiscord', 'bench/processes'];

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Transpiles the bench entries to JavaScript in `outputFolder` (inside node_modules, so packages resolve as from the
 * repository), file by file without type checking, and bundles the bot's entry as `npm run build` bundles the bot
 * (`bench/processes/bot/botProcess.js`): the bench processes then run on plain `node` as production does
 * (`node dist/bot/main.js`), not under tsx's loader. Returns the output folder.
 */
export function compileForNode(repositoryRoot: string, outputFolder: string): string {
  rmSync(outputFolder, { recursive: true, force: true });
  const compilerOptions: ts.CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2023,
    verbatimModuleSyntax: true,
    sourceMap: false,
  };
  for (const folder of sourceFolders) {
    for (const file of typeScriptFiles(join(repositoryRoot, folder))) {
      const output = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
      const target = join(outputFolder, relative(repositoryRoot, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output.outputText);
    }
  }
  bundleBot(join(repositoryRoot, 'bench/processes/botProcess.ts'), join(outputFolder, 'bench/processes/bot'));
  return outputFolder;
}

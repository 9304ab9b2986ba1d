import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Production code: what `npm run build` compiles and the bot runs. */
const productionFiles = ['src/**', 'commands/**', 'scripts/**'];
const testFiles = ['**/*.test.ts', 'test/**', 'playground/**', 'bench/**'];
const noTestCode = {
  group: ['**/test/**', '**/playground/**', '**/bench/**', 'vitest', 'vitest/*'],
  message: 'Production code must not import test code or tools.',
};
const buildersFromTheirPackage = {
  name: 'discord.js',
  importNames: ['SlashCommandBuilder', 'ContextMenuCommandBuilder', 'ActionRowBuilder', 'ButtonBuilder', 'EmbedBuilder', 'StringSelectMenuBuilder'],
  message: 'Import builders through src/discord/slashCommandBuilder.ts (the @discordjs/builders copy discord.js loads), not through discord.js.',
};
// An ES import of @discordjs/builders loads its ES build beside the CommonJS one discord.js uses: ~40 ms more at each start.
const buildersThroughOneCopy = {
  name: '@discordjs/builders',
  allowTypeImports: true,
  message: 'Import builders through src/discord/slashCommandBuilder.ts: it loads the copy discord.js already has.',
};
const featuresThroughTheirFront = {
  group: ['**/src/watchparty/*', '!**/src/watchparty/index.js', '**/src/trivia/*', '!**/src/trivia/index.js', '**/src/threads/*', '!**/src/threads/index.js', '**/src/storage/**'],
  message: 'Commands reach a feature through its index.js, and repositories through the context.',
};
const pureDomain = {
  group: ['discord.js', '@discordjs/*', 'better-sqlite3', '**/storage/**', '**/discord/**'],
  message: 'src/domain is pure: no Discord and no SQL.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config/config.ts only.' },
      ],
    },
  },
  {
    files: ['src/config/**', 'scripts/**', ...testFiles],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: productionFiles,
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [buildersFromTheirPackage, buildersThroughOneCopy], patterns: [noTestCode] }] },
  },
  {
    files: ['commands/**'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [buildersFromTheirPackage, buildersThroughOneCopy], patterns: [noTestCode, featuresThroughTheirFront] }] },
  },
  {
    // The storage port is async: a forgotten await on a repository would lose a write or its error.
    files: ['src/**/*.ts', 'commands/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'playground/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      // A promise in a template literal prints "[object Promise]": an await forgotten in a message.
      '@typescript-eslint/restrict-template-expressions': ['error', { allow: [{ name: ['Error', 'URL', 'URLSearchParams'], from: 'lib' }], allowAny: true, allowBoolean: true, allowNullish: true, allowNumber: true, allowRegExp: true, allowNever: true }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [pureDomain] }] },
  },
  {
    files: ['src/domain/**'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode, pureDomain] }] },
  },
);

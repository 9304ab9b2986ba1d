/**
 * `npm run lint:dependencies`: the import graph of the bot's own code. Type-only imports count too
 * (tsPreCompilationDeps), since a cycle of types is still two modules that cannot change apart.
 */
export default {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules in src/, commands/ and scripts/ import each other in one direction only.',
      from: { path: '^(src|commands|scripts)/' },
      to: { circular: true },
    },
    {
      name: 'production-code-imports-no-test-code',
      severity: 'error',
      comment: 'What the bot runs never imports test support, the playground or the benchmark.',
      from: { path: '^(src|commands|scripts)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(test|playground|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^(src|commands|scripts)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};

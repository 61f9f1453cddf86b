/**
 * Layer rules (`npm run lint`): dependencies point one way, from entry points down to the
 * domain core, and never in a circle. From the top:
 *
 *   src/cli                         entry points (every `npm run` script starts here)
 *   src/discord, commands, eval,    applications of the library
 *   bench
 *   src/app                         composition: configuration, opening the store and model
 *   ingest                          ingestion library: sources, extraction, stages
 *   src/llm, src/store,             adapters: language models, storage backends,
 *   src/embeddings                  embedding models
 *   src/processes, src/logger.ts    child processes and logging
 *   src/core                        domain: types, the interfaces it uses, retrieval, answers
 *
 * A module may import its own layer and the layers below it.
 */
const layers = [
  { name: 'cli', path: '^src/cli/' },
  { name: 'apps', path: '^(src/discord|commands|eval|bench)/' },
  { name: 'app', path: '^src/app/' },
  { name: 'ingest', path: '^ingest/' },
  { name: 'adapters', path: '^src/(llm|store|embeddings)/' },
  { name: 'processes', path: '^src/(processes/|logger\\.ts$)' },
  { name: 'core', path: '^src/core/' },
];

/** Each layer may not import any layer above it. */
const upward = layers.slice(1).map((layer, index) => ({
  name: `no-upward-from-${layer.name}`,
  comment: `${layer.name} may import only itself and the layers below it`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: layers.slice(0, index + 1).map((above) => above.path).join('|') },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle makes load order matter and the layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'adapters-stay-apart',
      comment: 'Storage, embeddings and language models meet only in the layers that compose them.',
      severity: 'error',
      from: { path: '^src/(llm|store|embeddings)/' },
      to: { path: '^src/(llm|store|embeddings)/', pathNot: '^src/$1/' },
    },
    {
      name: 'not-to-tests',
      comment: 'Production code never imports test code.',
      severity: 'error',
      from: { path: '^(src|ingest|commands|eval|bench)/' },
      to: { path: '^test/', pathNot: '^test/support/fakeDiscord\\.ts$' },
    },
    {
      name: 'no-unlayered-source',
      comment: 'Every source file belongs to a layer (add new folders to .dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: '^(src|ingest|commands|eval|bench)/' },
      to: { path: '^src/', pathNot: layers.map((layer) => layer.path).join('|') },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};

/**
 * The architecture of docs/architecture.md ("The layers"), checked on every `npm run lint`:
 *
 *   src-renderer ──▶ shared ◀── src-main
 *   src-main:  electron/, preview/ (hosts) ─▶ core/ (assembly) ─▶ features ─▶ store/, ipc/, secrets/, central/
 *
 * Type-only imports count (tsPreCompilationDeps): a renderer that imports a type from src-main
 * already knows too much, even if the bundle would not show it.
 */

/** Services: what the core assembles. Lower layers never reach up into them. */
const LOWER_LAYERS = '^src-main/(store|ipc|secrets|central)/';
/** Every other folder of src-main is a feature, so a new one is covered without naming it here. */
const FEATURES = '^src-main/(?!(electron|preview|core|store|ipc|secrets|central|testing)/)[^/]+/';
const TESTS = '(/testing/|\\.test\\.ts$)';
/** npm packages that only make sense in Node: databases, native modules, the keychain, logging. */
const NODE_ONLY_PACKAGES =
  '(^|/)node_modules/(better-sqlite3|pg|pg-[^/]+|@napi-rs/keyring[^/]*|bcryptjs|electron-log)/';
const ELECTRON = '(^|/)node_modules/electron/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere, type-only ones included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-only-shared',
      severity: 'error',
      comment: 'shared/ is the contract both sides import; it imports nothing from either (docs/architecture.md).',
      from: { path: '^shared/' },
      to: { path: '^(src-main|src-renderer|e2e|scripts)/' },
    },
    {
      name: 'renderer-imports-only-shared',
      severity: 'error',
      comment: 'The renderer talks to the core only through window.kitchenGuard.invoke and shared/ types.',
      from: { path: '^src-renderer/' },
      to: { path: '^(src-main|e2e|scripts)/' },
    },
    {
      name: 'no-node-in-shared-or-renderer',
      severity: 'error',
      comment: 'shared/ and the renderer run in the sandboxed page: no Node built-ins, no electron.',
      from: { path: '^(shared|src-renderer)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-node-packages-in-shared-or-renderer',
      severity: 'error',
      comment: 'The renderer knows nothing of SQL, files or secrets; neither does the contract.',
      from: { path: '^(shared|src-renderer)/' },
      to: { path: [NODE_ONLY_PACKAGES, ELECTRON] },
    },
    {
      name: 'only-the-electron-layer-imports-electron',
      severity: 'error',
      comment: 'Services do not know Electron: everything else runs, and is tested, in plain Node.',
      from: { pathNot: '^src-main/electron/' },
      to: { path: ELECTRON },
    },
    {
      name: 'nobody-imports-the-electron-layer',
      severity: 'error',
      comment: 'src-main/electron/ is a host: it uses the core, nothing uses it.',
      from: { pathNot: '^src-main/electron/' },
      to: { path: '^src-main/electron/' },
    },
    {
      name: 'nobody-imports-the-preview',
      severity: 'error',
      comment: 'The browser preview never ships: nothing outside it may pull it into a build.',
      from: { pathNot: '^src-main/preview/' },
      to: { path: '^src-main/preview/' },
    },
    {
      name: 'only-hosts-assemble-the-core',
      severity: 'error',
      comment:
        'openCore is called by the hosts (electron/, preview/), by tests and by scripts (bench); services never.',
      from: { path: '^src-main/', pathNot: ['^src-main/(electron|preview|core)/', TESTS] },
      to: { path: '^src-main/core/app-core\\.ts$' },
    },
    {
      name: 'features-do-not-import-core',
      severity: 'error',
      comment: 'core/ assembles the features; a feature that reaches back into it makes a layer cycle.',
      from: { path: FEATURES, pathNot: TESTS },
      to: { path: '^src-main/core/' },
    },
    {
      name: 'lower-layers-do-not-import-features',
      severity: 'error',
      comment:
        'store/, ipc/, secrets/ and central/ (the server connection) serve the features; they never know them, the core or the hosts.',
      from: { path: LOWER_LAYERS, pathNot: TESTS },
      to: { path: [FEATURES, '^src-main/(core|electron|preview)/'] },
    },
    {
      name: 'tests-never-ship',
      severity: 'error',
      comment: 'Test files and test support (any testing/ folder) are imported only by tests, scripts and e2e.',
      from: { path: '^(src-main|shared|src-renderer)/', pathNot: TESTS },
      to: { path: TESTS },
    },
    {
      name: 'shipped-main-code-uses-only-dependencies',
      severity: 'error',
      comment:
        'electron-builder ships only `dependencies`: main-process code importing a devDependency would crash the packaged app. (electron itself is the runtime; type-only imports vanish.)',
      from: { path: '^(src-main|shared)/', pathNot: [TESTS, '^src-main/preview/'] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: ELECTRON },
    },
    {
      name: 'e2e-drives-the-app-not-its-insides',
      severity: 'error',
      comment:
        'E2e specs use the app as a person does (through the preview process); only shared/ types may be imported. Their support may also use test support (a testing/ folder), e.g. the throwaway PostgreSQL the central-server specs sync through.',
      from: { path: '^e2e/' },
      to: { path: '^(src-main|src-renderer)/', pathNot: '^src-main/[a-z-]+/testing/' },
    },
    {
      name: 'e2e-specs-use-support-not-test-internals',
      severity: 'error',
      comment: 'Specs reach test support only through e2e/support/, so they read as a person using the app.',
      from: { path: '^e2e/', pathNot: '^e2e/support/' },
      to: { path: '^src-main/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'Every npm package imported is declared in package.json (not just present in node_modules).',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|release|node_modules/.+/node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

/**
 * The house rules the build checks (docs/decisions/0110-the-house.md), run by `npm run lint`.
 * Modules are the folders directly under src/ that are not platform code or composition roots.
 */
const MODULES = '(accounts|mail|notifications|regions|statutes|inquiry|companies|jobs|alerts|resumes|applications|privacy|cities|home|sitemap)';
/** Code that wires modules together: it may import any module, but only through its public entry. */
const ROOTS = '^src/(app|modules|server|database)\\.tsx?$|^src/(cli|test-support)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import circles make the order of start-up and the direction of data flow unclear.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      comment: 'Shared platform code (db, web, search engine) serves every module and knows none of them.',
      from: { path: '^src/platform/' },
      to: { path: `^src/${MODULES}/|${ROOTS}` },
    },
    {
      name: 'modules-meet-through-index',
      severity: 'error',
      comment: 'A module is used only through its public entry, src/<module>/index.ts.',
      from: { path: `^src/${MODULES}/` },
      to: { path: `^src/${MODULES}/`, pathNot: ['^src/$1/', `^src/${MODULES}/index\\.ts$`] },
    },
    {
      name: 'roots-use-module-entries',
      severity: 'error',
      comment: 'The app, the CLI and shared test support use a module through its index.ts only.',
      from: { path: `${ROOTS}|^bench/|^e2e/` },
      to: { path: `^src/${MODULES}/`, pathNot: `^src/${MODULES}/index\\.ts$` },
    },
    {
      name: 'statutes-never-import-inquiry',
      severity: 'error',
      comment: 'The statute library stands on its own; inquiry registers with it through hooks.',
      from: { path: '^src/statutes/' },
      to: { path: '^src/inquiry/' },
    },
    {
      name: 'modules-import-no-roots',
      severity: 'error',
      comment:
        'Modules are wired by the roots, never the other way round. Tests, and the helpers only tests import ' +
        '(testing.ts), may use the shared test support.',
      from: { path: `^src/${MODULES}/`, pathNot: '(\\.test\\.tsx?|/testing\\.ts)$' },
      to: { path: ROOTS },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/platform/web/assets/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

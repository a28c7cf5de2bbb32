// Build: type-check with tsc, then bundle src/main.ts into dist/ with esbuild. One bundle starts much faster than
// hundreds of small ES modules (date-fns alone is ~250); code behind `await import()` lands in its own chunk and
// loads only when a command needs it (the store, prompts, CSV, tables).
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
/**
 * commander requires node:child_process at load time, only to run executable subcommands (precrm has none);
 * loading it costs ~1 ms of every start-up. This hands commander a stand-in that loads it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes('/commander/') ? { path: 'lazy-child-process', namespace: 'precrm' } : undefined));
    b.onLoad({ filter: /^lazy-child-process$/, namespace: 'precrm' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * node-postgres checks whether it runs in Cloudflare Workers by constructing a fetch `Response`, which on Node 20
 * loads undici (~25 ms, a sixth of a `touch log` on PostgreSQL). precrm runs on Node: the probe is answered here.
 */
const noWorkersProbe = {
  name: 'pg-no-workers-probe',
  setup(b) {
    b.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const probe = "typeof Response === 'function'";
      if (!source.includes(probe)) throw new Error('pg/lib/stream.js changed: review the Workers probe patch in scripts/build.mjs');
      return { contents: source.replace(probe, 'false'), loader: 'js' };
    });
  },
};


/**
 * Start-up loads one chunk, not thirty. esbuild puts each module into a chunk by the set of entry points that
 * reach it, and every `await import()` is an entry point; the start-up graph (src/run.ts and all it imports) was
 * reached by main and by a different mix of the lazily loaded commands, so it came out as ~30 small chunks, each
 * costing Node's ES module loader a resolve, a read and a link on every run. Every lazily loaded module here is
 * made to import src/run.ts too (it has always run by then, so this loads and runs nothing more): the start-up
 * graph is then reached by the same set of entry points everywhere and lands in one chunk.
 */
const run = resolve(dirname(fileURLToPath(import.meta.url)), '../src/run.ts');

/** The source files that some file under `dir` loads with `await import('./x.js')`. */
function dynamicImportsUnder(dir) {
  const found = new Set();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    for (const m of readFileSync(file, 'utf8').matchAll(/import\(\s*['"](\.[^'"]+)\.js['"]\s*\)/g)) found.add(resolve(dirname(file), `${m[1]}.ts`));
  }
  return found;
}
const oneStartupChunk = {
  name: 'one-start-up-chunk',
  setup(b) {
    // Every lazily loaded module is known before the build starts: esbuild may load a module through a static import
    // before it meets the `await import()` of it elsewhere, and a module tagged too late splits start-up again.
    const lazy = dynamicImportsUnder(resolve(dirname(run)));
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind === 'dynamic-import' && args.path.endsWith('.js')) lazy.add(resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
      return undefined;
    });
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      if (!lazy.has(args.path)) return undefined;
      return { contents: `${readFileSync(args.path, 'utf8')}\nimport ${JSON.stringify(run)};\n`, loader: 'ts' };
    });
  },
};

await build({
  plugins: [lazyChildProcess, noWorkersProbe, oneStartupChunk],
  entryPoints: ['src/main.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  // Compiled addons (*.node) stay in node_modules, loaded at run time. fs-ext (the JSON store's lock, loaded only
  // by writes) finds its own addon, so the package stays external. better-sqlite3's JavaScript is bundled into the
  // SQLite chunk (one file instead of a dozen CommonJS modules read on every SQLite command) and is handed its
  // addon's path (src/store/sqlite/connection.ts). pg-native: node-postgres's optional libpq binding, which precrm
  // does not use (pg requires it only on demand).
  external: ['fs-ext', 'pg-native', '*.node'],
  // jsonc-parser's "main" is a UMD build whose inner require()s esbuild cannot follow; its ES build bundles cleanly.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  logLevel: 'warning',
  // The CommonJS dependencies (commander …) use require() and __filename.
  banner: {
    js: [
      "import { createRequire as __precrmRequire } from 'node:module';",
      "import { fileURLToPath as __precrmPath } from 'node:url';",
      'const require = __precrmRequire(import.meta.url);',
      'const __filename = __precrmPath(import.meta.url);',
      "const __dirname = __precrmPath(new URL('.', import.meta.url));",
    ].join(' '),
  },
});

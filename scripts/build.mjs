// Build: type-check with tsc, then bundle src/main.ts into dist/ with esbuild. One bundle starts much faster than
// hundreds of small ES modules (date-fns alone is ~250); code behind `await import()` lands in its own chunk and
// loads only when a command needs it (the store, prompts, CSV, tables).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // The CommonJS dependencies (commander, proper-lockfile, write-file-atomic …) use require() and __filename.
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

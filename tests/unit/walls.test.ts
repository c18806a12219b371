/**
 * The architecture's walls (docs in README "Map of the code"), checked on every import of every
 * source file: a path tells where code runs, and nothing reaches across a wall.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

interface Import { file: string; from: string; typeOnly: boolean }

function imports(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*import\s+(type\s+)?([^'"]*?)\s*(?:from\s+)?['"]([^'"]+)['"]/gm)) {
    found.push({ file, from: m[3]!, typeOnly: Boolean(m[1]) });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ file, from: m[1]!, typeOnly: false });
  return found;
}

/** Resolves a relative import to a repository path, leaving package names as they are. */
function target(i: Import): string {
  return i.from.startsWith('.') ? relative(ROOT, join(ROOT, i.file, '..', i.from)) : i.from;
}

const violations = (dir: string, bad: (i: Import, to: string) => boolean) =>
  files(dir).flatMap(imports).filter((i) => bad(i, target(i))).map((i) => `${i.file} imports ${i.from}`);

describe('architecture walls', () => {
  it('the renderer imports nothing of src-main but the contract: its types, and the dependency-free verb list', () => {
    // The scan sees the renderer's imports of the contract at all (so an empty result means something).
    expect(files('src-renderer').flatMap(imports).filter((i) => target(i).startsWith('src-main/contract')).length).toBeGreaterThan(3);
    expect(violations('src-renderer', (i, to) => to.startsWith('src-main') && !(to === 'src-main/contract/methods' || (i.typeOnly && to.startsWith('src-main/contract'))))).toEqual([]);
  });

  it('the renderer imports no Node, Electron or database module', () => {
    expect(violations('src-renderer', (_i, to) => /^(node:|electron|better-sqlite3|sharp|fs$|path$)/.test(to))).toEqual([]);
  });

  it('the verb list the renderer and the sandboxed preload load at run time imports nothing', () => {
    expect(imports('src-main/contract/methods.ts')).toEqual([]);
  });

  it('the contract imports nothing of ours but itself', () => {
    expect(violations('src-main/contract', (_i, to) => to.startsWith('src-main') && !to.startsWith('src-main/contract'))).toEqual([]);
  });

  it('the core knows nothing of Electron, HTTP or the CLI', () => {
    expect(violations('src-main/core', (_i, to) => /^(electron|src-main\/(electron|http|cli))/.test(to))).toEqual([]);
  });

  it('the HTTP host and the Electron glue do not import each other', () => {
    expect(violations('src-main/http', (_i, to) => /^(electron|src-main\/electron)/.test(to))).toEqual([]);
    expect(violations('src-main/electron', (_i, to) => to.startsWith('src-main/http'))).toEqual([]);
  });

  it('only main.ts and the preload load electron at run time; the rest take its objects as parameters', () => {
    const runtime = [...violations('src-main/electron', (i, to) => to === 'electron' && !i.typeOnly)];
    expect(runtime).toEqual(['src-main/electron/main.ts imports electron']);
  });
});

// @vitest-environment node
/**
 * The built main-process bundles import their dependencies as Node's own ESM loader will: every
 * name imported from a CommonJS package must be one Node can see. electron-updater defines
 * autoUpdater behind a getter, which Node cannot see, and `import { autoUpdater }` stopped the
 * whole Electron app before its first line ran (electron-builder#7976), while vitest, with its
 * own interop, passed. This checks every .js under out/main (npm test builds before the unit tests).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');
const OUT = join(ROOT, 'out/main');
/** Provided by the Electron runtime itself, not node_modules. */
const RUNTIME = new Set(['electron']);

/** `import { a, b as c } from "pkg"` of bare packages in a bundle: package -> names. */
function namedImports(code: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const m of code.matchAll(/import\s*(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*["']([^"'.][^"']*)["']/g)) {
    const pkg = m[2]!;
    if (pkg.startsWith('node:') || RUNTIME.has(pkg)) continue;
    const names = found.get(pkg) ?? new Set<string>();
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0]!.trim();
      if (name) names.add(name);
    }
    found.set(pkg, names);
  }
  return found;
}

describe('the built main-process bundles', () => {
  it('import from each package only names Node can see', () => {
    expect(existsSync(OUT), 'out/main is missing: run npm run build first').toBe(true);
    const wanted = new Map<string, Set<string>>();
    for (const file of (readdirSync(OUT, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'))) {
      for (const [pkg, names] of namedImports(readFileSync(join(OUT, file), 'utf8'))) {
        wanted.set(pkg, new Set([...(wanted.get(pkg) ?? []), ...names]));
      }
    }
    expect(wanted.size).toBeGreaterThan(0);
    // Node's own loader, in a process of its own: what `import * as m from pkg` holds there.
    const script = `const out = {}; for (const pkg of ${JSON.stringify([...wanted.keys()])}) out[pkg] = Object.keys(await import(pkg)); console.log(JSON.stringify(out));`;
    const seen = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as Record<string, string[]>;
    const missing = [...wanted].flatMap(([pkg, names]) => [...names].filter((n) => !seen[pkg]!.includes(n)).map((n) => `${n} from ${pkg}`));
    expect(missing).toEqual([]);
  });

  it('finds the fault it is for', () => {
    expect(namedImports('import { autoUpdater } from "electron-updater";\nimport x, { y as z } from "pkg";\nimport { q } from "./local.js";')).toEqual(
      new Map([['electron-updater', new Set(['autoUpdater'])], ['pkg', new Set(['y'])]]),
    );
  });
});

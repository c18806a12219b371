// @vitest-environment node
/**
 * Cold start (issue 18): every byte of script the page loads before the attract screen is parsed
 * and run before it can show. The deep-zoom viewer (OpenSeadragon) and the staff screen (with its
 * uPlot charts) are on chunks of their own (src-renderer/lazy/chunk.ts), loaded later; an import
 * that pulls either back into the entry would cost every morning start tens of milliseconds
 * without a test noticing. This reads the built renderer (npm test builds before the unit tests).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RENDERER = join(import.meta.dirname, '../../../out/renderer');
const ASSETS = join(RENDERER, 'assets');

/** The entry script of index.html and every chunk it imports statically, as file names. */
function startScripts(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module script');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(ASSETS, file), 'utf8');
    // Static imports only (`import … from "./x.js"`); `import("./x.js")` is a chunk loaded later.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'()]*?\sfrom\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]!);
  };
  visit(entry);
  return [...seen];
}

/** Text found only in each part kept off the start: OpenSeadragon's name, uPlot's legend class, the staff panel's test id. */
const LATER = { OpenSeadragon: 'OpenSeadragon', uPlot: 'u-legend', 'the staff screen': 'staff-panel' };

describe('the renderer loads before the attract screen', () => {
  it('neither the deep-zoom viewer nor the staff screen', () => {
    expect(existsSync(join(RENDERER, 'index.html')), 'out/renderer is missing: run npm run build first').toBe(true);
    const start = startScripts();
    const code = start.map((file) => readFileSync(join(ASSETS, file), 'utf8')).join('\n');
    for (const [part, marker] of Object.entries(LATER)) expect(code.includes(marker), `${part} is in ${start.join(', ')}`).toBe(false);
  });

  it('while each is in a chunk of the build, loaded when needed', () => {
    const all = readdirSync(ASSETS).filter((file) => file.endsWith('.js'));
    const later = all.filter((file) => !startScripts().includes(file));
    for (const [part, marker] of Object.entries(LATER)) {
      expect(later.some((file) => readFileSync(join(ASSETS, file), 'utf8').includes(marker)), `${part} in no later chunk`).toBe(true);
    }
  });
});

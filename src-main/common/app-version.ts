/**
 * The app's version (`vitrine --version`, the health endpoint, the metrics): the one in the
 * package.json it was installed with (the project's, the standalone CLI's, or the packaged app's),
 * found by walking up from the bundle's own folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function installedVersion(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const { name, version } = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (typeof version === 'string' && typeof name === 'string' && /vitrine/.test(name)) return version;
      } catch {
        // not ours: keep looking
      }
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

/**
 * What `npm run package` hands electron-builder: electron-builder.yml as it is, or, with
 * VITRINE_TEST_BUILD=1, a test build that Playwright's Electron driver can launch. The driver
 * starts the app with `--inspect=0 --remote-debugging-port=0` and talks to it over the Node
 * inspector, which the gallery build's fuses switch off; the test build turns only that fuse
 * back on, and is named and placed so it cannot be mistaken for a gallery build.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The configuration for this environment; a fresh object each time (electron-builder edits it). */
export function builderConfig(env = process.env) {
  const gallery = parse(readFileSync(new URL('./electron-builder.yml', import.meta.url), 'utf8'));
  if (env.VITRINE_TEST_BUILD !== '1') return gallery;
  return {
    ...gallery,
    productName: `${gallery.productName} Test`,
    artifactName: '${productName}-${version}-test-${arch}.${ext}',
    directories: { ...gallery.directories, output: 'dist/test-build' },
    electronFuses: { ...gallery.electronFuses, enableNodeCliInspectArguments: true },
  };
}

// A function, so electron-builder reads the environment when it loads the configuration.
export default () => builderConfig();

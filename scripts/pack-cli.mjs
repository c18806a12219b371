#!/usr/bin/env node
/**
 * `npm run cli:pack`: the `vitrine` command on its own, for a curator's computer that has no clone
 * of this repository (issue 17). Writes dist/vitrine-cli-<version>.tgz: the built command
 * (out/main), the kiosk's screens (out/renderer, which `vitrine preview` serves) and a
 * package.json naming the runtime packages at the versions this project pins. The curator, with
 * Node.js 20.19 or later, runs `npm install -g vitrine-cli-<version>.tgz`, then `vitrine preview`.
 *
 *   node scripts/pack-cli.mjs [--out DIR]     (npm run build first)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? process.argv[outArg + 1] : join(ROOT, 'dist');
const project = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

for (const built of ['out/main/cli.js', 'out/renderer/index.html']) {
  if (!existsSync(join(ROOT, built))) {
    console.error(`${built} is missing: run npm run build first.`);
    process.exit(1);
  }
}

const stage = join(outDir, 'vitrine-cli');
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'bin'), { recursive: true });
cpSync(join(ROOT, 'bin/vitrine.mjs'), join(stage, 'bin/vitrine.mjs'));
// The staff command and the code it shares with the hosts (chunks/); not the Electron entry.
mkdirSync(join(stage, 'out/main'), { recursive: true });
cpSync(join(ROOT, 'out/main/cli.js'), join(stage, 'out/main/cli.js'));
cpSync(join(ROOT, 'out/main/chunks'), join(stage, 'out/main/chunks'), { recursive: true });
cpSync(join(ROOT, 'out/renderer'), join(stage, 'out/renderer'), { recursive: true });

writeFileSync(
  join(stage, 'package.json'),
  JSON.stringify(
    {
      name: 'vitrine-cli',
      version: project.version,
      description: "Vitrine's command line for curators and staff: preview, validate, pack and sign exhibits; manage a kiosk's content.",
      license: project.license,
      type: 'module',
      bin: { vitrine: 'bin/vitrine.mjs' },
      engines: { node: '>=20.19' },
      // Exactly what the kiosk runs with: what packs here imports there.
      dependencies: project.dependencies,
      files: ['bin', 'out', 'README.md'],
    },
    null,
    2,
  ) + '\n',
);
writeFileSync(
  join(stage, 'README.md'),
  `# vitrine-cli ${project.version}

The command line of Vitrine, the offline museum kiosk, for curators and staff.

    vitrine preview my-exhibit/      # the exhibit in the kiosk's screens, rebuilt on each save
    vitrine validate my-exhibit/     # every mistake at once, with file and line
    vitrine pack my-exhibit/ --out my-exhibit.vitrine [--sign museum.key]
    vitrine --help

How to write an exhibit: docs/content-package.md in Vitrine's repository ("Writing an exhibit").
`,
);

mkdirSync(outDir, { recursive: true });
const name = execFileSync('npm', ['pack', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' }).trim().split('\n').at(-1);
console.log(`Wrote ${join(outDir, name)}. A curator installs it with: npm install -g --allow-scripts=better-sqlite3 ${name}`);

#!/usr/bin/env node
// The `vitrine` staff command: runs the built CLI (npm run build makes out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('Vitrine is not built yet: run "npm run build" first.');
  process.exit(2);
}
await import(cli);

/**
 * `vitrine preview <folder>` (issue 17): a curator's folder in the real kiosk screens, in a
 * browser on their own computer, rebuilt a moment after each save, with every mistake listed on
 * the screen (file and line) until it is fixed. It keeps its own data in a temporary folder,
 * removed when it stops: it never touches a kiosk's data folder.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLogger, type Logger } from '../../core/log';
import { PreviewBuilder, type BuildOutcome } from '../../core/preview/builder';
import { watchTree, type TreeWatcher } from '../../core/preview/watch-tree';
import { isExhibitFolder } from '../../core/packages/source-format/exhibit-folder';
import { openVitrine } from '../../core/vitrine';
import { startHttpHost } from '../../http/server';
import { rejectUnknownOptions, takeFlag, takeOption, UsageError } from '../args';

/** Saves closer together than this make one build (an editor writes a file in several steps). */
const SETTLE_MS = 60;

/** vitrine preview <folder> [--port N] [--no-browser] */
export async function previewCommand(args: string[]): Promise<number> {
  const portText = takeOption(args, '--port');
  const openBrowser = !takeFlag(args, '--no-browser');
  rejectUnknownOptions(args, 'preview');
  const [folder, extra] = args;
  if (!folder || extra) throw new UsageError('preview needs one curator folder (the one holding exhibit.yaml)');
  const port = portText === undefined ? 4390 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port needs a port number (0 picks a free one)');
  const sourceDir = resolve(folder);
  if (!isExhibitFolder(sourceDir)) throw new UsageError(`${sourceDir} holds no exhibit.yaml: preview shows a curator's folder (docs/content-package.md, "Writing an exhibit")`);
  const rendererDir = process.env.VITRINE_RENDERER_DIR;
  if (!rendererDir || !existsSync(join(rendererDir, 'index.html'))) throw new Error(`The kiosk's screens are not built (no index.html in ${rendererDir ?? 'the renderer folder'}): run npm run build first.`);

  // Only warnings and errors: the import's own lines would bury the preview's.
  const log: Logger = createLogger((line) => {
    if (!/"level":"info"/.test(line)) process.stderr.write(`${line}\n`);
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-preview-'));
  let builder: PreviewBuilder | undefined;
  const core = await openVitrine({ dataDir, builtinPackage: null, log, preview: () => builder!.state() });
  // A curator reading their own texts is not a visitor who walked away.
  core.settings.set('idleTimeoutSeconds', 3600);
  core.settings.set('idleCountdownSeconds', 120);
  builder = new PreviewBuilder({ sourceDir, store: core.store, mediaDir: core.mediaDir, log });
  let watcher: TreeWatcher | null = null;
  const stop = async () => {
    watcher?.close();
    core.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    report(await builder.rebuild(), builder);
    const host = await startHttpHost({ api: core.api, rendererDir, mediaDir: core.mediaDir, tilesDir: core.tilesDir, log, port });
    console.log(`Previewing ${sourceDir} at ${host.url} (Ctrl+C stops it; nothing is written to the folder).`);
    console.log(`VITRINE_READY ${host.url}`);
    if (openBrowser) openInBrowser(host.url);
    let timer: NodeJS.Timeout | null = null;
    watcher = watchTree(sourceDir, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void builder!.rebuild().then((outcome) => report(outcome, builder!), (error: unknown) => log.error('preview', 'A build failed', error)), SETTLE_MS);
    });
    await new Promise<void>((done) => {
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => done());
    });
    await host.close();
  } finally {
    await stop();
  }
  return 0;
}

/** One line per build: how long it took, or the mistakes (they are on the screen too). */
function report(outcome: BuildOutcome, builder: PreviewBuilder): void {
  const state = builder.state();
  if (outcome.ok) {
    const warnings = state.warnings.length > 0 ? `; ${state.warnings.length} warning(s) on the screen` : '';
    console.log(`Built in ${outcome.milliseconds} ms (${outcome.newImages} image(s) processed)${warnings}.`);
  } else {
    console.log(`${state.problems.length} mistake(s), shown on the screen until fixed:`);
    for (const p of state.problems) console.log(`  ${p.file}${p.place ? `, ${p.place}` : ''}: ${p.expected}`);
  }
}

/** The curator's own browser, as their system opens links. */
function openInBrowser(url: string): void {
  const [command, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`Open ${url} in a browser.`));
  child.unref();
}

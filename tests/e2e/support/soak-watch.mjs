/**
 * What a soak run watches while the visitor plays: every way the kiosk can go wrong that a
 * visitor would not see at once (an uncaught error, a console error, a request that failed or
 * left the app's origin, a crashed page, a service worker or socket appearing), and the
 * renderer's memory after forced garbage collections.
 * Plain JavaScript so that scripts/soak.mjs and bench/memory.mjs run it with Node alone; the spec
 * gets its types from soak-watch.d.mts.
 */
import { readFileSync } from 'node:fs';

/** Schemes a page may use without a request to anyone: inline and in-memory images. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:']);

/**
 * Starts watching `page` and its context. `problems` fills as things go wrong, each with the
 * number of the action during which it happened (`setAction` keeps that number current).
 */
export function watchProblems(page, origin) {
  const problems = [];
  let action = 0;
  let cancelled = 0;
  const add = (kind, detail) => problems.push({ action, kind, detail: String(detail).slice(0, 500) });
  const context = page.context();
  const onRequest = (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && !LOCAL_SCHEMES.has(url.protocol)) add('foreign-request', request.url());
  };
  const onFailed = (request) => {
    const error = request.failure()?.errorText ?? 'unknown';
    // A visitor who taps on before an image or tile has arrived cancels it: that is no failure.
    if (error === 'net::ERR_ABORTED') cancelled++;
    else add('failed-request', `${request.method()} ${request.url()}: ${error}`);
  };
  const onResponse = (response) => {
    if (response.status() >= 400) add('failed-request', `${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  };
  const onPageError = (error) => add('uncaught-error', error.stack ?? error.message);
  const onConsole = (message) => {
    if (message.type() === 'error') add('console-error', message.text());
  };
  const onCrash = () => add('crash', 'The page crashed.');
  const onWorker = (worker) => add('service-worker', worker.url());
  const onSocket = (socket) => add('websocket', socket.url());
  context.on('request', onRequest);
  context.on('requestfailed', onFailed);
  context.on('response', onResponse);
  context.on('serviceworker', onWorker);
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  page.on('crash', onCrash);
  page.on('websocket', onSocket);
  return {
    problems,
    get cancelled() {
      return cancelled;
    },
    setAction: (n) => void (action = n),
    stop() {
      context.off('request', onRequest);
      context.off('requestfailed', onFailed);
      context.off('response', onResponse);
      context.off('serviceworker', onWorker);
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
      page.off('crash', onCrash);
      page.off('websocket', onSocket);
    },
  };
}

/** Real time for the work the last screen left in flight (image fetches and decodes) to end. */
const IN_FLIGHT_MS = 250;

/**
 * The renderer's memory after forced full garbage collections: JS heap in use, DOM nodes and
 * event listeners alive (`cdp` is a CDP session on the page, with Performance enabled).
 * Taken a moment after the reset, and after two collections: a screen that has just gone is
 * still held by its images' fetches and decodes, and one collection frees what the other makes
 * unreachable. Sampled at once, a left screen came and went between samples (detached DOM nodes
 * 100 at one reset, 365 at the next, and gone from a heap snapshot taken a second later), and the
 * objects figure jumped 4 % with it; a leak stays however many collections run.
 */
export async function sampleMemory(cdp) {
  await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_MS));
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  return { heapUsedBytes: usedSize, domNodes: metric('Nodes'), jsEventListeners: metric('JSEventListeners') };
}

/**
 * Resident memory of the page's renderer process, in bytes (Linux only, else null). Chromium
 * says which processes are renderers but not which page each serves: with one page open, the
 * page's renderer is the one that has worked hardest (most CPU time); the others are spares.
 */
export async function rendererRss(browser) {
  if (process.platform !== 'linux' || !browser) return null;
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    const busiest = processInfo.filter((p) => p.type === 'renderer').sort((a, b) => b.cpuTime - a.cpuTime)[0];
    if (!busiest) return null;
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${busiest.id}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Growth of the last figure over the first, as a fraction (0.05 = 5 %); null without two figures. */
export function growth(values) {
  const known = values.filter((v) => typeof v === 'number');
  return known.length < 2 ? null : known.at(-1) / known[0] - 1;
}

/**
 * The arguments of every Chromium the tests, benchmarks and screenshots drive: the kiosk's own
 * switches (src-main/common/chromium-switches.ts; tests/unit/harness-chromium.test.ts keeps the
 * two lists together), so what is measured is what runs in the gallery, and the flags that keep
 * a headless Chromium from calling out onto a closed network.
 */
export const CHROMIUM_ARGS = [
  // Without a GPU here; and without these, Chromium floods the closed network with refused connections.
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The kiosk's own (common/chromium-switches.ts): the renderer's memory bounded for a long day.
  '--enable-low-end-device-mode',
  '--disable-rgba-4444-textures',
];

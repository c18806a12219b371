/**
 * Chromium switches for a kiosk that runs all day. One list for every Chromium that shows the
 * kiosk: the Electron app (app.commandLine, electron/main.ts), the browser host's kiosk window
 * (http/chromium.ts), and the Chromium that tests and benchmarks drive, so what is measured is
 * what runs in the gallery.
 */

/**
 * Renderer memory over a day (issue 18). Chromium keeps decoded images in discardable memory up
 * to a ceiling of 512 MB on a desktop (components/discardable_memory), and on Linux nothing tells
 * it memory is short, so the cache fills and stays: renderer RSS grew from 299 to 701 MB over
 * 1,000 visitor interactions, and fell to 233 MB when Chromium was told memory was critical.
 * Capping the image decoders' working set (ImageDecodeConfigurableFeature) changed nothing
 * (758 MB). Low-end device mode is the one switch that lowers that ceiling (to an eighth), and
 * with it RSS stayed at 287-304 MB over the same 1,000 interactions; screenshots of the kiosk's
 * screens are pixel-identical with and without it.
 */
const BOUNDED_MEMORY = [
  'enable-low-end-device-mode',
  // Low-end mode may also raster tiles as 16-bit RGBA 4444 on a GPU (seen on Linux by Cobalt's
  // developers): photographs would band. Kept at full colour.
  'disable-rgba-4444-textures',
] as const;

/** Switch names without their leading dashes, as Electron's app.commandLine.appendSwitch takes them. */
export const KIOSK_SWITCHES: readonly string[] = BOUNDED_MEMORY;

/** The same switches as command-line arguments (`--name`), for a Chromium the kiosk launches itself. */
export const kioskSwitchArgs = (): string[] => KIOSK_SWITCHES.map((name) => `--${name}`);

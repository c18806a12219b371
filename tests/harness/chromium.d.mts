/** Types of chromium.mjs (plain JavaScript, so benchmarks run it with Node alone). */
export const CHROMIUM_ARGS: readonly string[];

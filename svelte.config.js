// Svelte compiler options shared by vite, vitest and svelte-check.
export default {
  compilerOptions: { runes: true },
};

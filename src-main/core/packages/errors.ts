/**
 * A refusal a curator can act on: which file, which field or entry, and what was expected.
 * Every reason the importer refuses a package is one of these.
 */
export class PackageError extends Error {
  constructor(
    /** The file inside the package (or the package itself) the problem is in. */
    readonly file: string,
    /** The field or entry, e.g. `artifacts[2].media[0].sha256`, or null for the whole file. */
    readonly field: string | null,
    /** What was expected, in plain words. */
    readonly expected: string,
  ) {
    super(`${file}${field ? `, ${field}` : ''}: ${expected}`);
    this.name = 'PackageError';
  }
}

/** Formats a zod issue path (["artifacts", 2, "title"]) as `artifacts[2].title`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/**
 * A refusal a curator can act on: which file, which field or entry, and what was expected.
 * Every reason the importer refuses a package is one of these.
 */
export class PackageError extends Error {
  /** For a problem with an image: the manifest field of the image (`artifacts[2].media[0]`). */
  media?: string;

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

/** The most problems one refusal lists: past this, the rest are counted, not read. */
export const MAX_PROBLEMS = 50;

/**
 * Every problem found in one run, refused together (issue 17: ten mistakes take one run, not ten).
 * It is a PackageError itself, standing for the first problem, so whoever catches one refusal
 * catches this; its message lists them all, grouped by file.
 */
export class PackageProblems extends PackageError {
  constructor(
    readonly problems: readonly PackageError[],
    /** Problems found beyond MAX_PROBLEMS, counted only. */
    readonly more = 0,
  ) {
    const first = problems[0]!;
    super(first.file, first.field, first.expected);
    this.name = 'PackageProblems';
    if (problems.length > 1 || more > 0) this.message = formatProblems(problems, more);
  }
}

/** "3 problems in 2 files:", then each file with its problems under it, in the order found. */
export function formatProblems(problems: readonly PackageError[], more = 0): string {
  const byFile = new Map<string, PackageError[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const total = problems.length + more;
  const lines = [`${total} problems in ${byFile.size === 1 ? '1 file' : `${byFile.size}${more > 0 ? '+' : ''} files`}:`];
  const lineOf = (problem: PackageError) => Number(/^line (\d+)$/.exec(problem.field ?? '')?.[1] ?? 0);
  for (const [file, list] of byFile) {
    lines.push(`  ${file}`);
    list.sort((a, b) => lineOf(a) - lineOf(b));
    for (const problem of list) lines.push(`    ${problem.field ? `${problem.field}: ` : ''}${problem.expected}`);
  }
  if (more > 0) lines.push(`  … and ${more} more, not listed: fix these and run it again.`);
  return lines.join('\n');
}

/** Collects problems instead of stopping at the first; `check()` refuses them all at once. */
export class Problems {
  readonly list: PackageError[] = [];
  /**
   * Manifest fields that could not be read (`artifacts[2].title`), their problem recorded: a later
   * check that finds them missing reports the same mistake again, and is not listened to.
   */
  readonly unread = new Set<string>();
  private more = 0;
  private readonly seen = new Set<string>();

  /**
   * Records a problem. One place (file and field, or line) keeps its first problem only: a later
   * one there is usually the same mistake seen again by a later check.
   */
  add(problem: PackageError): void {
    if (problem instanceof PackageProblems) {
      for (const each of problem.problems) this.add(each);
      this.more += problem.more;
      return;
    }
    const place = `${problem.file}\u0000${problem.field ?? problem.expected}`;
    if (this.seen.has(place)) return;
    this.seen.add(place);
    if (this.list.length >= MAX_PROBLEMS) this.more++;
    else this.list.push(problem);
  }

  /** Runs `step`; a PackageError it throws is recorded and `undefined` returned. */
  attempt<T>(step: () => T): T | undefined {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      this.add(error);
      return undefined;
    }
  }

  /** The async `attempt`. */
  async attemptAsync<T>(step: () => Promise<T>): Promise<T | undefined> {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      this.add(error);
      return undefined;
    }
  }

  /** True when `field` or a field containing it could not be read. */
  isUnread(field: string): boolean {
    const lastStep = /(\.[^.[\]]+|\[\d+\])$/;
    for (let at = field; ; ) {
      if (this.unread.has(at)) return true;
      const up = at.replace(lastStep, '');
      if (up === at || up === '') return false;
      at = up;
    }
  }

  get size(): number {
    return this.list.length + this.more;
  }

  /** Throws every problem recorded, if any. */
  check(): void {
    if (this.list.length > 0) throw new PackageProblems([...this.list], this.more);
  }
}

/**
 * Reads a YAML group against a table of keys (keys.ts) into manifest fields, refusing unknown
 * keys (a typo must not be silently ignored), missing ones and values of the wrong kind, and
 * remembering where each manifest field came from, so a later refusal can name the line.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { nearest } from '../../../common/nearest';
import { formatFieldPath, type Problems } from '../errors';
import { ID_PATTERN } from '../manifest';
import type { Field, Keys } from './keys';
import { describeFound, textOf, type YamlText } from './yaml-text';

export type Path = (string | number)[];
export type Json = Record<string, unknown>;

/** Where a manifest field came from: file, line, and what the curator calls it there. */
export interface Origin {
  file: string;
  line: number | null;
  label: string;
}

/** Manifest field (as formatFieldPath writes it, `artifacts[2].title`) to its origin. */
export type Origins = Map<string, Origin>;

/** A text read from a Markdown file, with the line it starts on. */
export interface Located {
  text: string;
  file: string;
  line: number;
}

export interface FieldContext {
  yaml: YamlText;
  origins: Origins;
  /** Where a mistake in one key is recorded, so the next keys are still read (issue 17). */
  problems: Problems;
  /** The paragraphs of the Markdown file named by a `paragraphs` key on line `line`, for field `at`. */
  paragraphs(name: string, line: number | null, key: string, at: Path): Located[];
}

/** What a value of this kind looks like, for "should be …". */
export function expectation(field: Field): string {
  switch (field.kind) {
    case 'text': return field.what ?? 'text';
    case 'flag': return 'true or false';
    case 'year': return 'a year, such as 1921 (negative for BCE)';
    case 'texts': return `a list of ${field.what}`;
    case 'paragraphs': return 'the name of a Markdown file in this folder, such as translations/obj1.md';
    case 'group': return 'a group of keys (each "key: value" on its own line, indented below it)';
    case 'list': return `a list of ${field.item}s (each starting with "- ")`;
    case 'named': return `${field.item}s, each under its id (such as "obj1:")`;
  }
}

/** Reads the group `node`, called `what` in messages, into `out` at manifest `path`. */
export function readGroup(ctx: FieldContext, node: Node | null, keys: Keys, what: string, header: Node | Pair | null, path: Path, out: Json): void {
  const { yaml } = ctx;
  if (!isMap(node)) return yaml.fail(node ?? header, `${what} should be a group of keys ("key: value" lines), found ${describeFound(node)}`);
  const seen = new Set<string>();
  // Each key on its own: a mistake in one is recorded and the others are still read.
  const unread = (key: string, field: Field) => ctx.problems.unread.add(formatFieldPath([...path, ...(field.to ?? key).split('.')]));
  for (const pair of node.items) {
    const key = textOf(pair.key as Node);
    const field = key === null ? undefined : keys[key];
    if (key !== null) seen.add(key);
    const read = ctx.problems.attempt(() => {
      if (key === null) return yaml.fail(pair, `a key in ${what} should be a name such as "title", found ${describeFound(pair.key as Node)}`);
      if (!field) {
        const { message, near } = unknownKey(key, keys, what);
        // "did you mean title?": the typo is the mistake, not a missing "title" as well.
        if (near) {
          seen.add(near);
          unread(near, keys[near]!);
        }
        return yaml.fail(pair, message);
      }
      readField(ctx, pair, key, field, what, path, out);
      return true;
    });
    if (!read && key !== null && field) unread(key, field);
  }
  for (const [key, field] of Object.entries(keys)) {
    const unless = 'requiredUnless' in field ? field.requiredUnless : undefined;
    if (seen.has(key) || !('required' in field || (unless !== undefined && !seen.has(unless)))) continue;
    const otherwise = unless === undefined ? '' : `, or "${unless}" given instead`;
    ctx.problems.attempt(() => yaml.fail(header, `"${key}" is missing from ${what} (it should be ${expectation(field)}${otherwise})`));
    unread(key, field);
  }
}

function readField(ctx: FieldContext, pair: Pair, key: string, field: Field, parent: string, path: Path, out: Json): void {
  const { yaml, origins } = ctx;
  const value = pair.value as Node | null;
  const to = (field.to ?? key).split('.');
  const at = [...path, ...to];
  const label = `"${key}"`;
  const line = yaml.lineOf(pair);
  const fail = (node: Node | Pair | null, expected: string, found: Node | null = value): never => yaml.fail(node, `${label} should be ${expected}, found ${describeFound(found)}`);
  origins.set(formatFieldPath(at), { file: yaml.file, line, label });
  if (describeFound(value) === 'nothing') {
    if ('required' in field) fail(pair, expectation(field));
    return; // an empty optional key is the same as no key
  }
  switch (field.kind) {
    case 'text':
      if (field.local && isMap(value)) return put(out, to, readByLanguage(ctx, value, label, at));
      if (!isScalar(value)) fail(pair, field.local ? 'text, or texts by language ("en: …" and "ru: …" lines indented below it)' : 'text');
      return put(out, to, textOf(value));
    case 'flag': {
      const flag = textOf(value);
      if (flag !== 'true' && flag !== 'false') fail(pair, 'true or false');
      return put(out, to, flag === 'true');
    }
    case 'year': {
      const year = textOf(value);
      if (year === null || !/^-?\d{1,4}$/.test(year)) fail(pair, expectation(field));
      return put(out, to, Number(year));
    }
    case 'texts': {
      if (!isSeq(value)) return fail(pair, expectation(field));
      const texts = value.items.map((item, i) => {
        const text = textOf(item as Node);
        if (text === null) return fail(item as Node, `a list of ${field.what}`, item as Node);
        origins.set(formatFieldPath([...at, i]), { file: yaml.file, line: yaml.lineOf(item as Node), label: `"${text}" in ${label}` });
        return text;
      });
      return put(out, to, texts);
    }
    case 'paragraphs': {
      const name = textOf(value);
      if (name === null) return fail(pair, expectation(field));
      const paragraphs = ctx.paragraphs(name, line, key, at);
      paragraphs.forEach((p, i) => origins.set(formatFieldPath([...at, i]), { file: p.file, line: p.line, label: 'this paragraph' }));
      return put(out, to, paragraphs.map((p) => p.text));
    }
    case 'group': {
      const group: Json = {};
      readGroup(ctx, value, field.keys, label, pair, at, group);
      return put(out, to, group);
    }
    case 'list': {
      if (!isSeq(value)) return fail(pair, expectation(field));
      if (value.items.length < (field.min ?? 0)) yaml.fail(pair, `${label} needs at least ${field.min} ${field.item}`);
      const of = parent === 'exhibit.yaml' ? '' : ` of ${parent}`;
      const items = value.items.map((item, i) => {
        const what = `${field.item} ${i + 1}${of}`;
        origins.set(formatFieldPath([...at, i]), { file: yaml.file, line: yaml.lineOf(item as Node), label: what });
        const group: Json = {};
        ctx.problems.attempt(() => readGroup(ctx, item as Node, field.keys, what, item as Node, [...at, i], group));
        // A bare name where a group belongs ("- leaving"), refused just above, is what the curator
        // meant as its id: kept, so what hangs on the id (a section's folder) is not a second mistake.
        const bare = isScalar(item) && 'id' in field.keys ? textOf(item as Node) : null;
        if (bare && ID_PATTERN.test(bare)) group.id = bare;
        return group;
      });
      return put(out, to, items);
    }
    case 'named': {
      if (!isMap(value)) return fail(pair, expectation(field));
      const items = value.items.map((named, i) => {
        const id = textOf(named.key as Node);
        if (id === null) return yaml.fail(named, `each of ${label} should start with its id, such as "obj1:", found ${describeFound(named.key as Node)}`);
        const what = `${field.item} "${id}"`;
        origins.set(formatFieldPath([...at, i]), { file: yaml.file, line: yaml.lineOf(named), label: what });
        origins.set(formatFieldPath([...at, i, 'id']), { file: yaml.file, line: yaml.lineOf(named), label: `the ${field.item} id "${id}"` });
        const group: Json = { id };
        ctx.problems.attempt(() => readGroup(ctx, named.value as Node, field.keys, what, named, [...at, i], group));
        return group;
      });
      return put(out, to, items);
    }
  }
}

/** A text given by language, `en: …` then `ru: …`; which languages are allowed, the manifest checks. */
function readByLanguage(ctx: FieldContext, node: Node & { items: Pair[] }, label: string, at: Path): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const pair of node.items) {
    const lang = textOf(pair.key as Node);
    const text = textOf(pair.value as Node);
    if (lang === null) ctx.yaml.fail(pair, `each text of ${label} should start with its language, such as "ru:", found ${describeFound(pair.key as Node)}`);
    if (text === null) ctx.yaml.fail(pair, `"${lang}" of ${label} should be text, found ${describeFound(pair.value as Node)}`);
    ctx.origins.set(formatFieldPath([...at, lang]), { file: ctx.yaml.file, line: ctx.yaml.lineOf(pair), label: `"${lang}" of ${label}` });
    texts[lang] = text;
  }
  return texts;
}

function put(out: Json, path: string[], value: unknown): void {
  let target = out;
  for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Json;
  target[path.at(-1)!] = value;
}

function unknownKey(key: string, keys: Keys, what: string): { message: string; near: string | undefined } {
  const names = Object.keys(keys);
  const near = nearest(key, names);
  const hint = near ? `: did you mean "${near}"?` : '';
  return { message: `"${key}" is not a key of ${what}${hint} (its keys are ${names.join(', ')})`, near };
}

/**
 * YAML as a curator writes it (exhibit.yaml, a topic's front matter), read so that every value
 * knows its line. Parsed with YAML's failsafe schema: every value is text until the format
 * says otherwise, so `date: 1921` stays "1921", `version: 1.10` stays "1.10" and
 * `language: no` stays "no" (YAML's usual rules would make them a number and false).
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { PackageError } from '../errors';

/** A refusal in a curator's source: the file, the line when known, and what is wrong. */
export function sourceError(file: string, line: number | null, message: string): PackageError {
  return new PackageError(file, line ? `line ${line}` : null, message);
}

/** What a curator would call a value found where another kind was expected. */
export function describeFound(node: Node | null | undefined): string {
  if (!node || (isScalar(node) && String(node.value ?? '').trim() === '')) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a group of keys';
  const text = String((node as { value?: unknown }).value);
  return text.length <= 60 ? `"${text}"` : `text of ${text.length} characters`;
}

/** The text of a scalar, trimmed, or null when the node is no text (or empty). */
export function textOf(node: Node | null | undefined): string | null {
  if (!node || !isScalar(node)) return null;
  const text = String(node.value ?? '').trim();
  return text === '' ? null : text;
}

/** A parsed YAML text whose nodes can say which line of `file` they start on. */
export class YamlText {
  constructor(
    readonly file: string,
    readonly root: Node | null,
    private readonly lines: LineCounter,
    private readonly firstLine: number,
  ) {}

  /** The line a node or a key: value pair starts on (the key's line for a pair). */
  lineOf(node: Node | Pair | null | undefined): number | null {
    const start = node && ('key' in node ? (node.key as Node | null)?.range?.[0] : (node as Node).range?.[0]);
    return start === undefined || start === null ? null : this.lines.linePos(start).line + this.firstLine - 1;
  }

  /** Throws a refusal at the line of `node`. */
  fail(node: Node | Pair | null | undefined, message: string): never {
    throw sourceError(this.file, this.lineOf(node), message);
  }
}

/**
 * Parses `text`, the content of `file` starting at line `firstLine` (front matter starts on the
 * line after its `---`). A syntax error is refused with its line, in plain words.
 */
export function parseYaml(text: string, file: string, firstLine = 1): YamlText {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const at = lines.linePos(error.pos[0]).line;
    throw sourceError(file, at + firstLine - 1, syntaxProblem(error.code, error.message, text.split(/\r?\n/), at, firstLine));
  }
  const yaml = new YamlText(file, doc.contents, lines, firstLine);
  refuseAliases(yaml, doc.contents);
  return yaml;
}

/**
 * The parser's complaint in a curator's words, with what to write instead where it can tell
 * (issue 17): a value holding ": " needs quotes (and curly quotes from a word processor are not
 * quotes to YAML); a key written twice names the line it was first written on.
 */
function syntaxProblem(code: string, message: string, lines: string[], at: number, firstLine: number): string {
  const source = lines[at - 1] ?? '';
  if (code === 'DUPLICATE_KEY') {
    const key = /^(\s*)(-\s+)?([^:#]+?)\s*:/.exec(source);
    if (key) {
      const indent = key[1]!.length + (key[2]?.length ?? 0);
      for (let i = at - 2; i >= 0; i--) {
        const earlier = /^(\s*)(-\s+)?([^:#]+?)\s*:/.exec(lines[i]!);
        if (!earlier) continue;
        const level = earlier[1]!.length + (earlier[2]?.length ?? 0);
        if (level < indent) break; // left the group
        if (level === indent && earlier[3] === key[3]) return `the key "${key[3]}" is written twice in the same group: it is first on line ${i + firstLine} (each key, and each id, may appear once)`;
      }
    }
    return 'a key written twice in the same group (each key may appear once)';
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    const pair = /^(\s*(?:-\s+)?[^:#]+?):\s+(.*\S)\s*$/.exec(source);
    const curly = /[\u201c\u201d\u2018\u2019]/.test(source);
    if (pair) {
      const value = pair[2]!.replace(/^[\u201c\u2018"']|[\u201d\u2019"']$/g, '').replace(/"/g, '\\"');
      const why = curly ? 'curly quotes “ ” (a word processor puts them in) are not quotes to YAML, and ": " inside the value looks like another key' : 'a value with ": " in it looks like another key';
      return `${why}: put the value in straight quotes, as ${pair[1]!.trim()}: "${value}"`;
    }
  }
  const what = message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
  const hint = /indent/i.test(what) ? ' (check the indentation: keys of one group start in the same column)' : '';
  return `this is not valid YAML: ${what}${hint}`;
}

// `*name` repeats another value by reference: legal YAML, but a reader would have to look
// elsewhere to see the text, and a chain of them can blow up in size. Curators write values out.
function refuseAliases(yaml: YamlText, node: Node | null | undefined): void {
  if (!node) return;
  if (isAlias(node)) yaml.fail(node, `"*${node.source}" repeats another value by reference; write the value out instead`);
  if (isSeq(node)) for (const item of node.items) refuseAliases(yaml, item as Node);
  if (isMap(node)) {
    for (const pair of node.items) {
      refuseAliases(yaml, pair.key as Node);
      refuseAliases(yaml, pair.value as Node);
    }
  }
}

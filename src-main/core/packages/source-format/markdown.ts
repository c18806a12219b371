/**
 * The Markdown a curator writes: optional YAML front matter between two `---` lines, then plain
 * paragraphs separated by blank lines. Lines of one paragraph are joined with a space, so an
 * editor may wrap them. `{{artifact obj6}}` alone on its line places an object between
 * paragraphs. Nothing else is markup: the kiosk shows words, never formatting, so a heading, a
 * rule, a link or an image (more likely a slip than a wish for plain "# …" or "[…](…)" text) is
 * refused rather than shown.
 */
import { sourceError } from './yaml-text';

/** A Markdown file split into its front matter and its body. */
export interface MarkdownFile {
  /** The YAML between the `---` lines, or null when the file has none. */
  frontMatter: string | null;
  /** The line the front matter's first line is on (2), or the body's when there is none. */
  frontMatterLine: number;
  body: string;
  bodyLine: number;
}

export type EssayBlock = { type: 'paragraph'; text: string; line: number } | { type: 'artifact'; ref: string; line: number };

const FENCE = '---';
const PLACEMENT = /^\{\{\s*artifact\s+([^\s{}]+)\s*\}\}$/;
/**
 * `[words](target)`, or `![alt](file)` for an image, where the target looks like one (a file, an
 * address, an anchor: no space, and a `.`, `/`, `:` or `#`), so "[illegible](1921)" stays prose.
 */
const LINK = /(!?)\[([^\]]*)\]\(([^)\s]*[./:#][^)\s]*)\)/;

/** Splits off the front matter; `file` names the file in messages. */
export function splitFrontMatter(text: string, file: string): MarkdownFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== FENCE) return { frontMatter: null, frontMatterLine: 1, body: lines.join('\n'), bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === FENCE);
  if (end < 0) throw sourceError(file, 1, `the front matter that starts here needs a closing line "${FENCE}"`);
  return { frontMatter: lines.slice(1, end).join('\n'), frontMatterLine: 2, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

/**
 * Reads a body into paragraphs and, where `placements` is true (topics), artifact placements.
 * `firstLine` is the line of `file` the body starts on.
 */
export function readBody(body: string, file: string, firstLine: number, placements: boolean): EssayBlock[] {
  const blocks: EssayBlock[] = [];
  let paragraph: { lines: string[]; line: number } | null = null;
  const close = () => {
    if (paragraph) {
      const text = paragraph.lines.join(' ');
      // On the joined paragraph: an editor may have wrapped a link's words over two lines.
      refuseLink(text, paragraph, file, placements);
      blocks.push({ type: 'paragraph', text, line: paragraph.line });
    }
    paragraph = null;
  };
  body.split('\n').forEach((raw, i) => {
    const line = firstLine + i;
    const text = raw.trim();
    if (text === '') return close();
    if (text.includes('{{') || text.includes('}}')) {
      const placement = PLACEMENT.exec(text);
      if (!placements) throw sourceError(file, line, 'only paragraphs belong here: {{artifact …}} places an object in a topic\'s essay');
      if (!placement) throw sourceError(file, line, `an object is placed with a line of its own such as {{artifact obj6}}, found "${clip(text)}"`);
      close();
      blocks.push({ type: 'artifact', ref: placement[1]!, line });
      return;
    }
    if (/^#{1,6}(\s|$)/.test(text)) throw sourceError(file, line, `a heading ("${clip(text)}") is not part of the format: titles go in ${placements ? 'the front matter' : 'exhibit.yaml'}, the text is plain paragraphs`);
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(text)) throw sourceError(file, line, `a line of "${text}" is not part of the format (front matter goes at the very top of a topic file, between two "---" lines)`);
    paragraph ??= { lines: [], line };
    paragraph.lines.push(text);
  });
  close();
  return blocks;
}

/** Reads a body of paragraphs only (an introduction, a translation), each with its first line. */
export function readParagraphs(body: string, file: string, firstLine: number): { text: string; line: number }[] {
  return readBody(body, file, firstLine, false).map((block) => ({ text: block.type === 'paragraph' ? block.text : '', line: block.line }));
}

/**
 * Refuses a Markdown link or image in `text`, a paragraph's `lines` joined, at the line it starts
 * on: the kiosk would show its brackets, and nothing follows a link.
 */
function refuseLink(text: string, { lines, line: first }: { lines: string[]; line: number }, file: string, placements: boolean): void {
  const link = LINK.exec(text);
  if (!link) return;
  const line = first + lineOfOffset(lines, link.index);
  const [written, image, words] = link;
  const place = placements ? ', placed with {{artifact id}} on a line of its own' : ', placed in a topic with {{artifact id}}';
  if (image) throw sourceError(file, line, `an image ("${clip(written)}") is not part of the format: an image belongs to an object in exhibit.yaml${place}`);
  const instead = words!.trim() ? `write the words alone ("${clip(words!.trim())}")` : 'remove it';
  throw sourceError(file, line, `a link ("${clip(written)}") is not part of the format: a visitor cannot follow it and would see its brackets; ${instead}${placements ? ', and place an object with {{artifact id}} on a line of its own' : ''}`);
}

/** The line, counted from 0 within `lines` (joined with spaces), that holds character `offset`. */
function lineOfOffset(lines: string[], offset: number): number {
  let end = 0;
  for (const [i, text] of lines.entries()) {
    end += text.length + 1;
    if (offset < end) return i;
  }
  return lines.length - 1;
}

function clip(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47).trimEnd()}…` : text;
}

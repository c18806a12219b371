/**
 * Checks a WebVTT captions file from a content package (issue 20): UTF-8, the "WEBVTT" header,
 * every syntax error the W3C's parser (webvtt-parser) finds, cues within the media's length, and
 * cue text holding only WebVTT's own markup. Every problem names the file and the line, so a
 * curator can open the file at that line. A package is untrusted: `<script>` or
 * `<img onerror=…>` in a cue is refused, whatever a player would do with it.
 */
import webvtt from 'webvtt-parser';
import type { Cue, WebVTTParser as Parser } from 'webvtt-parser';
import { controlCharacterIn } from '../packages/manifest';

// webvtt-parser is CommonJS that assigns its exports at run time; Node's ESM import sees them
// only on the default export.
const { WebVTTParser, WebVTTCueTextParser, WebVTTCueTimingsAndSettingsParser } = webvtt;

export interface CaptionProblem {
  file: string;
  /** 1-based, counting every line break (LF, CRLF or CR) as WebVTT does. */
  line: number;
  message: string;
}

export interface CaptionsReport {
  cues: number;
  problems: CaptionProblem[];
}

/** One cue per half second for three hours is 21 600; a file with more is not captions. */
export const MAX_CUES = 20_000;
/** 2 MiB: three hours of dense captions are well under 1 MiB. */
export const MAX_CAPTION_BYTES = 2 * 1024 * 1024;
/** A cue may end this much after the media does (encoders round the last frame). */
export const CUE_END_TOLERANCE_SECONDS = 0.5;

/** The tags cue text may hold (WebVTT, "cue text"): a timestamp tag `<00:01.000>` too. */
export const CUE_TAGS: readonly string[] = ['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang'];

/**
 * Decodes a captions file's bytes as UTF-8 (a byte order mark is fine and dropped). Anything
 * else, UTF-16 or a legacy code page, gives `text: null` and a problem naming the first bad line.
 */
export function decodeCaptions(bytes: Uint8Array, file: string): { text: string | null; problems: CaptionProblem[] } {
  const problem = (line: number, message: string) => ({ text: null, problems: [{ file, line, message }] });
  if (bytes.length > MAX_CAPTION_BYTES) return problem(1, `is ${bytes.length} bytes: captions files may be at most ${MAX_CAPTION_BYTES / 1024 / 1024} MiB.`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem(1, 'is UTF-16 text: captions must be UTF-8. Save it again as "UTF-8".');
  }
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: strict.decode(bytes), problems: [] };
  } catch {
    // Find the first line that is not UTF-8 (lines split at LF; CR is a single byte in UTF-8).
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(0x0a, start);
      try {
        strict.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
      } catch {
        return problem(line, 'has bytes that are not UTF-8 text (saved as Windows-1251 or Latin-1?): captions must be UTF-8. Save the file again as "UTF-8".');
      }
      if (end < 0) return problem(1, 'is not UTF-8 text: save it again as "UTF-8".');
      start = end + 1;
    }
  }
}

/** A cue as written: its timing line, its times, and its text lines with their numbers. */
export interface CueBlock {
  timingLine: number;
  start: number;
  end: number;
  text: { line: number; text: string }[];
}

/**
 * The cues of a WebVTT text with their line numbers, found as webvtt-parser finds them (its
 * cues carry no line, and it reports cue-text errors at the line after the cue). Cues whose
 * timing line does not parse are left out, as the parser leaves them out.
 */
export function cueBlocks(text: string): CueBlock[] {
  const lines = text.replace(/\0/g, '\uFFFD').split(/\r\n|\r|\n/);
  const blocks: CueBlock[] = [];
  const isBlank = (i: number) => lines[i] === undefined || lines[i] === '';
  let at = 1;
  let collected = false; // the parser's "alreadyCollected": lines[at] is a timing line already seen
  while (!isBlank(at)) {
    if (lines[at]!.includes('-->')) { collected = true; break; }
    at++;
  }
  while (lines[at] !== undefined) {
    if (!collected) {
      while (lines[at] === '') at++;
      if (lines[at] === undefined) break;
    }
    if (!lines[at]!.includes('-->')) {
      if (/^(NOTE|STYLE)($|[ \t])/.test(lines[at]!)) {
        while (!isBlank(at)) at++;
        continue;
      }
      at++;
      if (isBlank(at) || !lines[at]!.includes('-->')) continue;
    }
    collected = false;
    const cue = { startTime: 0, endTime: 0 } as Cue;
    const timingLine = at;
    const parsed = new WebVTTCueTimingsAndSettingsParser(lines[at]!, () => undefined).parse(cue, 0);
    at++;
    const body: CueBlock['text'] = [];
    while (!isBlank(at)) {
      if (lines[at]!.includes('-->')) { collected = true; break; }
      if (parsed) body.push({ line: at + 1, text: lines[at]! });
      at++;
    }
    if (parsed) blocks.push({ timingLine: timingLine + 1, start: cue.startTime, end: cue.endTime, text: body });
  }
  return blocks;
}

/** Each cue's start and end in seconds, in file order: for tests and for players' previews. */
export function cueTimes(text: string): { start: number; end: number }[] {
  return cueBlocks(text).map(({ start, end }) => ({ start, end }));
}

/**
 * Checks a captions file for media `durationSeconds` long (null when not known). Given bytes, it
 * decodes them first (decodeCaptions). No problems means the file is sound.
 */
export function checkCaptions(input: string | Uint8Array, file: string, durationSeconds: number | null): CaptionsReport {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeCaptions(input, file);
    if (decoded.text === null) return { cues: 0, problems: decoded.problems };
    text = decoded.text;
  }
  const problems: CaptionProblem[] = [];
  const add = (line: number, message: string) => problems.push({ file, line, message });
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    add(1, 'is empty: a captions file starts with a line "WEBVTT", then a blank line, then its cues.');
    return { cues: 0, problems };
  }

  // 'metadata' mode: the parser leaves cue text alone (it would report its errors at the line
  // after the cue); each cue's text is parsed below, where its lines are known.
  const parser: Parser = new WebVTTParser();
  const parsed = parser.parse(text, 'metadata');
  for (const error of parsed.errors) {
    const message = error.message.startsWith('No valid signature')
      ? 'does not start with the line "WEBVTT": a captions file starts with it, then a blank line, then its cues.'
      : error.message;
    add(error.line, message);
  }
  if (parsed.cues.length > MAX_CUES) add(1, `has ${parsed.cues.length} cues: a captions file may have at most ${MAX_CUES}.`);

  for (const cue of cueBlocks(text).slice(0, MAX_CUES)) {
    if (durationSeconds !== null && cue.end > durationSeconds + CUE_END_TOLERANCE_SECONDS) {
      add(cue.timingLine, `has a cue ending at ${cue.end} s, after the end of its media (${Math.round(durationSeconds * 1000) / 1000} s).`);
    }
    checkCueText(cue, parser, add);
  }
  problems.sort((a, b) => a.line - b.line);
  return { cues: parsed.cues.length, problems };
}

/** A cue's text: WebVTT's own tags only, well formed, with no control characters. */
function checkCueText(cue: CueBlock, parser: Parser, add: (line: number, message: string) => void): void {
  const joined = cue.text.map((l) => l.text).join('\n');
  /** The line holding character `index` of the joined text. */
  const lineAt = (index: number) => cue.text[joined.slice(0, Math.max(0, index)).split('\n').length - 1]?.line ?? cue.timingLine;

  for (const { line, text } of cue.text) {
    // Package text is prose (issue 6), captions too.
    const control = controlCharacterIn(text);
    if (control) add(line, `has a control character in a cue (${control}): cue text may hold letters, punctuation, spaces and tabs only.`);
  }
  // Every "<" opens a tag that runs to the next ">" (WebVTT's cue text tokenizer); its name ends
  // at white space, "." (a class) or ">".
  const foreign = new Set<number>();
  const reported = new Set<string>();
  for (const tag of joined.matchAll(/<(\/?)([^\s.>]*)[^>]*(>|$)/g)) {
    const [whole, , name = ''] = tag;
    if (name === '' || /^\d/.test(name) || CUE_TAGS.includes(name)) continue;
    foreign.add(tag.index + whole.length);
    const line = lineAt(tag.index);
    if (reported.has(`${line}<${name}`)) continue;
    reported.add(`${line}<${name}`);
    add(line, `has <${name}> in a cue, which is not WebVTT markup: cue text may use <c>, <i>, <b>, <u>, <ruby>, <rt>, <v>, <lang> and timestamps only. Write "&lt;" for a "<" that is text.`);
  }
  // The parser's own checks of the text (end tags, escapes, timestamps), except its words for the
  // tags already reported above. Its error position is just past the token it complains about.
  const tagErrors = new Set(['Incorrect start tag.', 'Incorrect end tag.', 'Only <v> and <lang> can have an annotation.']);
  const onError = (message: string, position: number) => {
    if (tagErrors.has(message) && foreign.has(position - 1)) return;
    add(lineAt(position - 2), message);
  };
  new WebVTTCueTextParser(joined, onError, undefined, parser.entities).parse(cue.start, cue.end);
}

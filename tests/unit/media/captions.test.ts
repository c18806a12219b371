/**
 * WebVTT captions for video and audio artifacts (issue 20): a sound file passes with its cue
 * count; each problem a curator (or an attacker) can put in one is reported with the file and
 * the line to open it at.
 */
import { describe, expect, it } from 'vitest';
import { CAPTIONS } from '../../../scripts/make-test-media.mjs';
import { checkCaptions, cueTimes, decodeCaptions, MAX_CUES, type CaptionProblem } from '../../../src-main/core/media/captions';

const EN = CAPTIONS['captions.en.vtt'];
const RU = CAPTIONS['captions.ru.vtt'];
const FILE = 'captions/film.en.vtt';

/** `text` with line `n` (1-based) replaced by `line`. */
function withLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

/** The problems' lines and messages, for compact expectations. */
const found = (problems: CaptionProblem[]) => problems.map((p) => `${p.line}: ${p.message}`);

/** Cyrillic in Windows-1251, as an old Russian editor saves it (А-я are 0xC0-0xFF). */
function windows1251(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c >= 'А' && c <= 'я' ? 0xc0 + c.charCodeAt(0) - 'А'.charCodeAt(0) : c.charCodeAt(0))));
}

describe('sound captions', () => {
  it.each([['captions.en.vtt', EN], ['captions.ru.vtt', RU]])('%s: 2 cues, no problems, within a 4-second video', (_name, text) => {
    expect(checkCaptions(text, FILE, 4)).toEqual({ cues: 2, problems: [] });
    expect(checkCaptions(Buffer.from(text), FILE, 4)).toEqual({ cues: 2, problems: [] });
    expect(cueTimes(text)).toEqual([{ start: 0.5, end: 1.5 }, { start: 2, end: 3.5 }]);
  });

  it('may start with a byte order mark, end lines in CRLF, and use all of WebVTT’s own markup', () => {
    const text = [
      'WEBVTT - with a title', '', 'NOTE a comment', '', 'STYLE', '::cue(.yellow) { color: yellow }', '',
      '00:00.500 --> 00:01.500 line:0 align:start', '<c.yellow>Yellow</c> <b>bold</b> <u>under</u> <i>it</i>',
      '<ruby>漢<rt>kan</rt></ruby> <lang ru>Москва</lang> &amp; &lt;tag&gt; <00:01.000>later', '',
      '00:00:02.000 --> 00:00:03.500', '<v.loud Narrator>The end.</v>', '',
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(checkCaptions(bytes, FILE, 4)).toEqual({ cues: 2, problems: [] });
  });

  it('need no media length to be checked (captions checked before their media)', () => {
    expect(checkCaptions(withLine(EN, 8, '00:00:02.000 --> 09:00:00.000'), FILE, null).problems).toEqual([]);
  });
});

describe('captions with a problem, reported at its line', () => {
  it('a syntax error in a timing line: that line', () => {
    const report = checkCaptions(withLine(EN, 8, '00:00:02.00 --> 00:00:03.500'), FILE, 4);
    expect(report.problems).toEqual([{ file: FILE, line: 8, message: 'Milliseconds must be given in three digits.' }]);
    expect(report.cues).toBe(1); // the parser drops the cue it cannot time
  });

  it('a cue identifier without its timing line, and a missing blank line', () => {
    // The parser then reads each following line as another identifier: the first problem is the one to fix.
    expect(found(checkCaptions(withLine(EN, 8, 'not a timing'), FILE, 4).problems)[0]).toBe('8: Cue identifier needs to be followed by timestamp.');
    const joined = checkCaptions(EN.replace('Potsdam</i>.\n\n2\n', 'Potsdam</i>.\n'), FILE, 4);
    expect(joined).toEqual({ cues: 2, problems: [{ file: FILE, line: 6, message: 'Blank line missing before cue.' }] });
  });

  it('a cue that ends after its media, beyond half a second: its timing line', () => {
    expect(checkCaptions(EN, FILE, 3).problems).toEqual([]); // ends at 3.5 s, within the 0.5 s allowed
    expect(checkCaptions(EN, FILE, 2.9).problems).toEqual([
      { file: FILE, line: 8, message: 'has a cue ending at 3.5 s, after the end of its media (2.9 s).' },
    ]);
    expect(found(checkCaptions(EN, FILE, 0.9).problems).map((p) => p.slice(0, 2))).toEqual(['4:', '8:']);
  });

  it('markup that is not WebVTT’s: <script>, <img onerror>, <a href>, each at its own line', () => {
    let text = withLine(EN, 5, 'Hello <script>alert(1)</script> there');
    text = withLine(text, 9, '<img src=x onerror="alert(1)">The conference opens.');
    text = text.replace('The conference opens.', 'The conference opens.\nSee <a href="https://example.org">this</a>.');
    const problems = found(checkCaptions(text, FILE, 4).problems);
    expect(problems).toEqual([
      expect.stringMatching(/^5: has <script> in a cue, which is not WebVTT markup: cue text may use <c>, <i>, <b>, <u>, <ruby>, <rt>, <v>, <lang> and timestamps only/),
      expect.stringMatching(/^9: has <img> in a cue/),
      expect.stringMatching(/^10: has <a> in a cue/),
    ]);
  });

  it('the parser’s own cue-text errors land on the cue’s line, not the one after it', () => {
    const text = withLine(EN, 5, 'Stalin &nosuch; and <i>Truman');
    expect(found(checkCaptions(text, FILE, 4).problems)).toEqual(['5: Incorrect escape.', '5: Required end tag missing.']);
  });

  it('a control character in a cue', () => {
    expect(found(checkCaptions(withLine(EN, 9, 'The conference\u0007 opens.'), FILE, 4).problems)).toEqual([
      '9: has a control character in a cue (U+0007 at position 15): cue text may hold letters, punctuation, spaces and tabs only.',
    ]);
  });

  it('no "WEBVTT" header: line 1', () => {
    expect(found(checkCaptions(EN.replace('WEBVTT\n\n', ''), FILE, 4).problems)).toContain(
      '1: does not start with the line "WEBVTT": a captions file starts with it, then a blank line, then its cues.',
    );
    expect(checkCaptions(EN.replace('WEBVTT', 'WEBVTT2'), FILE, 4).problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/WEBVTT/) });
  });

  it('an empty file, or one of only white space or a byte order mark', () => {
    for (const text of ['', '\uFEFF', ' \n\n']) {
      expect(checkCaptions(text, FILE, 4), JSON.stringify(text)).toEqual({ cues: 0, problems: [{ file: FILE, line: 1, message: expect.stringMatching(/^is empty/) }] });
    }
    expect(checkCaptions(Buffer.alloc(0), FILE, 4).problems).toHaveLength(1);
  });

  it('text that is not UTF-8: the first line that is not, and nothing parsed', () => {
    const report = checkCaptions(windows1251(RU), 'captions/film.ru.vtt', 4);
    expect(report).toEqual({ cues: 0, problems: [{ file: 'captions/film.ru.vtt', line: 5, message: expect.stringMatching(/not UTF-8 text \(saved as Windows-1251 or Latin-1\?\).*Save the file again as "UTF-8"/) }] });
    expect(decodeCaptions(Buffer.from(`\uFEFF${RU}`, 'utf16le'), FILE).problems).toEqual([{ file: FILE, line: 1, message: expect.stringMatching(/^is UTF-16 text/) }]);
    expect(decodeCaptions(Buffer.from(`\uFEFF${RU}`), FILE)).toEqual({ text: RU, problems: [] });
  });

  it(`more than ${MAX_CUES} cues`, () => {
    const stamp = (ms: number) => new Date(ms).toISOString().slice(11, 23);
    const cues = Array.from({ length: MAX_CUES + 1 }, (_, i) => `${stamp(i * 500)} --> ${stamp(i * 500 + 400)}\nWord ${i}`);
    const started = performance.now();
    const report = checkCaptions(`WEBVTT\n\n${cues.join('\n\n')}\n`, FILE, null);
    expect(report.cues).toBe(MAX_CUES + 1);
    expect(found(report.problems)).toEqual([`1: has ${MAX_CUES + 1} cues: a captions file may have at most ${MAX_CUES}.`]);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

/**
 * Reading a curator's text files as UTF-8, and only UTF-8 (issue 17). A file saved by Word or an
 * older Notepad as Windows-1252 decodes "café" as "caf\uFFFD" without a word, and the kiosk
 * would show the garbage for years; a UTF-16 file looks to a YAML parser like noise. Both are
 * refused with the file, the line and what to do. A UTF-8 byte order mark (Notepad writes one)
 * is allowed and dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceError } from './yaml-text';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const HOW = 'save it as UTF-8 (in Notepad: File, Save as, Encoding "UTF-8"; in Word: Save as "Plain Text", then "Unicode (UTF-8)")';

/** Reads `file` of `dir` as UTF-8 text; throws a refusal naming the line of the first bad byte. */
export function readSourceText(dir: string, file: string): string {
  return decodeSourceText(readFileSync(join(dir, file)), file);
}

/** Decodes the bytes of `file` as UTF-8, or refuses them in a curator's words. */
export function decodeSourceText(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes)) {
    throw sourceError(file, null, `this file is saved as UTF-16 ("Unicode" in Notepad and Word), which Vitrine cannot read: ${HOW}`);
  }
  const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalid(body);
    const line = lineAt(body, at);
    const byte = body[at]!;
    const guess = byte >= 0xa0 ? ` "${new TextDecoder('windows-1252').decode(body.subarray(at, at + 1))}"` : '';
    throw sourceError(file, line, `this file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${guess ? ` (${guess.trim()} in Windows-1252, the usual culprit)` : ''} cannot be read; ${HOW}`);
  }
}

/** Text in UTF-16 without a byte order mark: every other byte of plain text is a zero. */
function looksUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 200);
  if (sample.length < 4) return false;
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return zeros >= sample.length / 4;
}

/** The offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length - 1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

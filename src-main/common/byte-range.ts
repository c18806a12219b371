/**
 * HTTP range requests (RFC 9110 §14), shared by both hosts so a <video> or <audio> element can
 * seek in a long recording without loading it whole (issue 20). Pure: no I/O, no Node.
 *
 * We serve exactly one range or the whole file. A multi-range request would need a
 * multipart/byteranges body that no media element asks for; RFC 9110 §14.2 lets a server ignore
 * a Range header it does not want to honour and answer 200 with the whole representation, and we
 * do the same for anything malformed or in a unit other than bytes.
 */

/** What a Range header asks of a file of a given size. Positions are inclusive, as in Content-Range. */
export type ByteRange =
  /** No usable Range: send the whole file with 200. */
  | { kind: 'whole' }
  /** Send bytes start..end (both inclusive, end < size) with 206. */
  | { kind: 'partial'; start: number; end: number }
  /** No byte of the file is in the range: 416, whose Content-Range gives the size (unsatisfiedRange). */
  | { kind: 'unsatisfiable' };

const WHOLE: ByteRange = { kind: 'whole' };
const UNSATISFIABLE: ByteRange = { kind: 'unsatisfiable' };

/** `first-pos "-" [ last-pos ]` or `"-" suffix-length`, digits only (§14.1.1); no signs, no spaces inside. */
const RANGE_SPEC = /^(\d*)-(\d*)$/;

/**
 * Parses a `Range` header against a file of `size` bytes (RFC 9110 §14.1.2): `bytes=a-b`,
 * `bytes=a-` (to the end) and `bytes=-n` (the last n bytes); the end is clamped to the file.
 */
export function parseRange(header: string | undefined | null, size: number): ByteRange {
  if (header == null) return WHOLE;
  const equals = header.indexOf('=');
  if (equals < 0) return WHOLE;
  // The range unit is case-insensitive (§14.1); "bytes" is the only one we know.
  if (header.slice(0, equals).trim().toLowerCase() !== 'bytes') return WHOLE;
  // A list may carry empty elements and spaces around commas (§5.6.1); only one real range is ours.
  const specs = header.slice(equals + 1).split(',').map((spec) => spec.trim()).filter((spec) => spec !== '');
  if (specs.length !== 1) return WHOLE;
  const match = RANGE_SPEC.exec(specs[0]!);
  if (!match) return WHOLE;
  const [, first = '', last = ''] = match;
  // Digits beyond 2^53 become imprecise or Infinity, which still compares correctly with any real size.
  if (first === '') {
    if (last === '') return WHOLE; // "bytes=-" names nothing.
    const suffix = Number(last);
    if (suffix === 0) return UNSATISFIABLE; // "bytes=-0" asks for no bytes at all.
    // A file that has no bytes has no slice to describe (`bytes 0--1/0` is not a Content-Range);
    // "the entire representation is used" (§14.1.2) then means the empty file, with 200.
    if (size === 0) return WHOLE;
    // A suffix longer than the file means the whole file, still as a 206 (§14.1.2).
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return WHOLE; // An invalid range-spec (§14.1.1): ignore the header.
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}

/** The request fields that decide a range answer, as either host reads them. */
export interface RangeRequest {
  method: string;
  range: string | undefined | null;
  ifRange: string | undefined | null;
}

/**
 * The range to answer a request with: the Range header, applied only where RFC 9110 says so.
 * Range is defined for GET alone (§14.2), so HEAD describes the whole file. If-Range (§13.1.5)
 * makes a Range conditional on a validator (an ETag or a Last-Modified date) still matching; we
 * send neither, so no validator a client could send matches one of ours, and the RFC then says to
 * ignore the Range and send the whole file. (Browsers send If-Range only with a validator they
 * were given, so this costs nothing in practice; our media names are content hashes anyway, so a
 * media file never changes under its name.)
 */
export function rangeFor(request: RangeRequest, size: number): ByteRange {
  if (request.method !== 'GET' || request.ifRange != null) return WHOLE;
  return parseRange(request.range, size);
}

/** The Content-Range of a 206: `bytes start-end/size`. */
export function contentRange(range: { start: number; end: number }, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}

/** The Content-Range of a 416, telling the client how long the file really is: `bytes *` + `/size`. */
export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}

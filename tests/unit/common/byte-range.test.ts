/**
 * The Range header parser both hosts seek media with (issue 20), case by case against RFC 9110
 * §14: one range answered, anything else answered whole, a range past the end refused.
 */
import { describe, expect, it } from 'vitest';
import { contentRange, parseRange, rangeFor, unsatisfiedRange } from '../../../src-main/common/byte-range';

const SIZE = 1000;
const whole = { kind: 'whole' };
const unsatisfiable = { kind: 'unsatisfiable' };
const partial = (start: number, end: number) => ({ kind: 'partial', start, end });

describe('parseRange', () => {
  it.each([
    ['a closed range', 'bytes=0-499', partial(0, 499)],
    ['one byte', 'bytes=10-10', partial(10, 10)],
    ['the last byte by position', 'bytes=999-999', partial(999, 999)],
    ['an open range, to the end', 'bytes=500-', partial(500, 999)],
    ['a suffix, the last n bytes', 'bytes=-100', partial(900, 999)],
    ['a suffix of one byte', 'bytes=-1', partial(999, 999)],
    ['an end past the file, clamped', 'bytes=900-5000', partial(900, 999)],
    ['an end of 2^64, clamped', 'bytes=0-18446744073709551616', partial(0, 999)],
    ['a suffix longer than the file, the whole file as a range', 'bytes=-5000', partial(0, 999)],
    ['the unit in capitals (case-insensitive)', 'Bytes=0-9', partial(0, 9)],
    ['spaces around the one range', 'bytes= 0-9 ', partial(0, 9)],
    ['empty list elements around the one range', 'bytes=,0-9,', partial(0, 9)],
  ])('answers %s as a slice', (_name, header, expected) => {
    expect(parseRange(header, SIZE)).toEqual(expected);
  });

  it.each([
    ['no header', undefined],
    ['a null header', null],
    ['an empty header', ''],
    ['a multi-range request', 'bytes=0-9,20-29'],
    ['a multi-range request with spaces', 'bytes=0-9, -5'],
    ['another unit', 'items=0-9'],
    ['no unit', '=0-9'],
    ['no "="', 'bytes 0-9'],
    ['an empty range set', 'bytes='],
    ['a lone dash', 'bytes=-'],
    ['a range that ends before it starts', 'bytes=500-400'],
    ['a negative start', 'bytes=--5'],
    ['letters', 'bytes=a-b'],
    ['a sign', 'bytes=+1-5'],
    ['a fraction', 'bytes=1.5-9'],
    ['a space inside the range', 'bytes=0 -9'],
    ['hex', 'bytes=0x10-0x20'],
    ['two dashes', 'bytes=0-9-10'],
  ])('answers %s as if there were no Range (the whole file, 200)', (_name, header) => {
    expect(parseRange(header, SIZE)).toEqual(whole);
  });

  it.each([
    ['a start at the size', 'bytes=1000-'],
    ['a start past the size', 'bytes=1500-2000'],
    ['a start of 2^64', 'bytes=18446744073709551616-'],
    ['a zero-length suffix', 'bytes=-0'],
  ])('refuses %s as unsatisfiable (416)', (_name, header) => {
    expect(parseRange(header, SIZE)).toEqual(unsatisfiable);
  });

  it('treats an empty file as having no byte to slice', () => {
    expect(parseRange('bytes=0-', 0)).toEqual(unsatisfiable);
    expect(parseRange('bytes=0-0', 0)).toEqual(unsatisfiable);
    expect(parseRange('bytes=-0', 0)).toEqual(unsatisfiable);
    // "The entire representation is used": the empty file itself, which a 206 cannot describe.
    expect(parseRange('bytes=-10', 0)).toEqual(whole);
    expect(parseRange(undefined, 0)).toEqual(whole);
  });

  it('slices a one-byte file', () => {
    expect(parseRange('bytes=0-', 1)).toEqual(partial(0, 0));
    expect(parseRange('bytes=-5', 1)).toEqual(partial(0, 0));
    expect(parseRange('bytes=1-', 1)).toEqual(unsatisfiable);
  });
});

describe('rangeFor', () => {
  it('applies the Range of a GET', () => {
    expect(rangeFor({ method: 'GET', range: 'bytes=0-9', ifRange: null }, SIZE)).toEqual(partial(0, 9));
    expect(rangeFor({ method: 'GET', range: 'bytes=5000-', ifRange: undefined }, SIZE)).toEqual(unsatisfiable);
  });

  it('ignores a Range on HEAD, where RFC 9110 defines none: it describes the whole file', () => {
    expect(rangeFor({ method: 'HEAD', range: 'bytes=0-9', ifRange: null }, SIZE)).toEqual(whole);
    expect(rangeFor({ method: 'HEAD', range: 'bytes=5000-', ifRange: null }, SIZE)).toEqual(whole);
  });

  it('answers an If-Range whole, since we send no validator it could match', () => {
    for (const ifRange of ['"abc"', 'Wed, 21 Oct 2015 07:28:00 GMT', '']) {
      expect(rangeFor({ method: 'GET', range: 'bytes=0-9', ifRange }, SIZE), ifRange).toEqual(whole);
    }
  });
});

describe('Content-Range values', () => {
  it('names the slice and the size of a 206, and only the size of a 416', () => {
    expect(contentRange({ start: 0, end: 499 }, SIZE)).toBe('bytes 0-499/1000');
    expect(unsatisfiedRange(SIZE)).toBe('bytes */1000');
  });
});

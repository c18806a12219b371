import { describe, expect, it } from 'vitest';
import { buildMatchQuery } from '../../../src-main/core/store/search';

describe('buildMatchQuery', () => {
  it('makes each word a quoted prefix term', () => {
    expect(buildMatchQuery('Famine relief')).toBe('"famine"* "relief"*');
  });

  it('returns null when there is no word to look for', () => {
    for (const input of ['', '   ', '"', '***', '()', '- -', '^']) expect(buildMatchQuery(input)).toBeNull();
  });

  it('neutralises FTS5 syntax in hostile input', () => {
    const hostile = ['"unterminated', 'a OR b', 'NEAR(a b)', 'title:stalin', 'a AND NOT b', 'x" OR "1', "'; DROP TABLE artifacts; --"];
    for (const input of hostile) {
      const q = buildMatchQuery(input)!;
      // Only quoted terms with a star remain: no bare operator, column filter or stray quote.
      expect(q).toMatch(/^("[\p{L}\p{N}]+"\*)( "[\p{L}\p{N}]+"\*)*$/u);
    }
  });

  it('keeps letters of any script and limits the number of terms', () => {
    expect(buildMatchQuery('Сталин Потсдам')).toBe('"сталин"* "потсдам"*');
    expect(buildMatchQuery('a b c d e f g h i j k')?.split(' ')).toHaveLength(8);
  });
});

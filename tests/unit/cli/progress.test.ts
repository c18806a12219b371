// @vitest-environment node
/**
 * Progress of validate, pack and import (issue 17): "image 7 of 18" as a bar on a terminal, and
 * as a few plain lines in a log, never a thousand.
 */
import { describe, expect, it } from 'vitest';
import { progress } from '../../../src-main/cli/args';

function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const out = { isTTY, text: '', write: (chunk: string) => ((out.text += chunk), true) };
  return out as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress', () => {
  it('on a terminal: one bar, rewritten in place, ending with a new line', () => {
    const tty = stream(true);
    const report = progress('Checking', 'images', tty);
    for (let i = 1; i <= 18; i++) report(i, 18);
    const frames = tty.text.split('\r').filter(Boolean);
    expect(frames).toHaveLength(18);
    expect(frames[6]).toBe(`Checking images [${'#'.repeat(9)}${' '.repeat(15)}] 7 of 18`);
    expect(tty.text.endsWith(`[${'#'.repeat(24)}] 18 of 18\n`)).toBe(true);
  });

  it('in a log: a plain line per tenth of the way, and the last', () => {
    const log = stream(false);
    const report = progress('Importing', 'images', log);
    for (let i = 1; i <= 1000; i++) report(i, 1000);
    const lines = log.text.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines[0]).toBe('Importing images: 1 of 1000');
    expect(lines.at(-1)).toBe('Importing images: 1000 of 1000');
  });
});

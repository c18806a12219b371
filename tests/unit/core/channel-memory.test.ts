// @vitest-environment node
/**
 * channel/state.json (saved-state.ts) is read at every start: a damaged or hand-edited file must
 * not stop the kiosk following its channel, and the file of the earlier build is still understood.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelMemory, MAX_ADDRESSES, STATE_FILE } from '../../../src-main/core/channel/saved-state';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let dir: string;
beforeEach(() => {
  root = tempDir('vitrine-channel-memory-');
  dir = join(root.path, 'channel');
  mkdirSync(dir);
});
afterEach(() => root.cleanup());

const write = (text: string) => writeFileSync(join(dir, STATE_FILE), text);

describe('the channel follower\'s memory', () => {
  it('reads the earlier build\'s { url, sequence } file', () => {
    write(JSON.stringify({ url: 'https://a/', sequence: 7 }));
    expect(new ChannelMemory(dir).sequenceAt('https://a/')).toBe(7);
  });

  it('takes a damaged file, or values of the wrong kind, as nothing read yet', () => {
    for (const text of ['{ not json', '[]', JSON.stringify({ sequences: { 'https://a/': '7' }, refused: { ab: 3 } })]) {
      write(text);
      const memory = new ChannelMemory(dir);
      expect(memory.sequenceAt('https://a/'), text).toBeNull();
      expect(memory.refusal('ab'), text).toBeUndefined();
    }
  });

  it('keeps refusals until a newer channel.json, and at most the addresses it may', () => {
    const memory = new ChannelMemory(dir);
    memory.read('https://a/', 2);
    memory.refuse('ab', 'wrong size');
    memory.read('https://a/', 2);
    expect(new ChannelMemory(dir).refusal('ab')).toBe('wrong size');
    memory.read('https://a/', 3);
    expect(new ChannelMemory(dir).refusal('ab')).toBeUndefined();

    for (let i = 0; i < MAX_ADDRESSES + 5; i++) memory.read(`https://c${i}/`, 1);
    const saved = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'));
    expect(Object.keys(saved.sequences)).toHaveLength(MAX_ADDRESSES);
    expect(new ChannelMemory(dir).sequenceAt(`https://c${MAX_ADDRESSES + 4}/`)).toBe(1);
    expect(new ChannelMemory(dir).sequenceAt('https://a/')).toBeNull(); // the longest unread went first
  });
});

/**
 * Images a curator or an attacker might hand over that are not what they claim: for tests of the
 * image checks (pack, validate and import refuse each, with the file and what to do).
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A PNG whose header claims `width` x `height` pixels, with almost no data behind it. */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}


/** A real JPEG cut off half way, as a failed copy leaves it: its header reads, its pixels do not. */
export async function truncatedJpeg(width = 800, height = 600): Promise<Buffer> {
  const whole = await sharp({ create: { width, height, channels: 3, background: { r: 120, g: 90, b: 60 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><text x="40" y="300" font-size="80">letter</text></svg>`) }])
    .jpeg({ quality: 90 })
    .toBuffer();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A real TIFF image, which a curator's scanner may save under a name ending in .jpg. */
export function tiffImage(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 190, b: 170 } } }).tiff().toBuffer();
}

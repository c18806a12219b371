/** Drawing a QrMatrix as one SVG path: one rectangle per horizontal run of dark modules. */
import type { QrMatrix } from '@contract/types';

/** Light modules around the code that scanners need to find it (the QR standard asks for 4). */
export const QUIET_ZONE = 4;

/** Returns path data for the dark modules, offset by the quiet zone. */
export function qrPathData(matrix: QrMatrix): string {
  const { size, cells } = matrix;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (cells[y * size + x] !== '1') {
        x++;
        continue;
      }
      const start = x;
      while (x < size && cells[y * size + x] === '1') x++;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}

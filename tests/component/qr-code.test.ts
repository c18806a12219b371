// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import QrCode from '../../src-renderer/components/QrCode.svelte';
import { QUIET_ZONE, qrPathData } from '../../src-renderer/components/qr-path';
import { openKiosk } from './real-kiosk';

const { read } = await openKiosk();

/** Reads the path back into a set of dark cells, to compare with the matrix. */
function cellsFromPath(d: string, size: number): string {
  const grid = Array.from({ length: size * size }, () => '0');
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) grid[(Number(y) - QUIET_ZONE) * size + Number(x) - QUIET_ZONE + i] = '1';
  }
  return grid.join('');
}

describe('QR code', () => {
  const matrix = read.qr('https://www.loc.gov/exhibits/archives/sovi.html#obj4');

  it('draws exactly the dark modules of the matrix, inside a quiet zone', () => {
    expect(cellsFromPath(qrPathData(matrix), matrix.size)).toBe(matrix.cells);
  });

  it('draws a tiny hand-made matrix run by run', () => {
    expect(qrPathData({ text: 'x', size: 3, cells: '110' + '000' + '011' })).toBe('M4 4h2v1h-2zM5 6h2v1h-2z');
  });

  it('renders one dark path on a light square, named for the address', () => {
    render(QrCode, { matrix, url: matrix.text });
    const svg = screen.getByRole('img', { name: `QR code for ${matrix.text}` });
    const paths = svg.querySelectorAll('path');
    expect(paths).toHaveLength(1);
    expect(paths[0]?.getAttribute('d')).toBe(qrPathData(matrix));
  });
});

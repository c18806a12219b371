/**
 * The on-screen keyboard's letters: QWERTY, and ЙЦУКЕН for visitors who read Russian (the
 * built-in exhibit's documents are Russian). Digits come first: visitors look for years.
 */
import type { KeyboardLayout } from '../state/search.svelte';

export interface LayoutKeys {
  /** The switch key's face when this layout is the one to switch to. */
  face: string;
  /** BCP 47 language of the letters, so a screen reader says "й", not "question mark". */
  lang: string;
  rows: string[][];
}

const rows = (...lines: string[]) => lines.map((line) => [...line]);

export const LAYOUTS: Record<KeyboardLayout, LayoutKeys> = {
  latin: { face: 'ABC', lang: 'en', rows: rows('1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm') },
  cyrillic: { face: 'АБВ', lang: 'ru', rows: rows('1234567890', 'йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбюё') },
};

/** The other layout: what the switch key changes to. */
export const otherLayout = (layout: KeyboardLayout): KeyboardLayout => (layout === 'latin' ? 'cyrillic' : 'latin');

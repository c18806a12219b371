/**
 * The small curator source folder that docs/content-package.md ("Writing an exhibit") shows, as
 * files, and a writer that puts it on disk with real images. Tests copy it and make one mistake.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeImage } from './packages';

/** The example's files: path inside the folder to text. */
export function exampleFiles(): Record<string, string> {
  return {
    'exhibit.yaml': `package:
  id: harbour-letters
  version: 1.2.0
  title: Letters from the Harbour (spring 2025)

title: Letters from the Harbour
subtitle: A port town writes home, 1890-1920
credit: Letters lent by the families of the town. Photographs from the Harbour Museum archive.
language: en

attract:
  invitation: Touch to read the letters
  artifacts: [ship-letter, dock-photo]

sections:
  - id: leaving
    title: Leaving Home
  - id: arriving
    title: Arriving

artifacts:
  ship-letter:
    title: Letter written on board the Clara
    date: 1891
    caption: >
      Written over three days at sea, and posted
      from the first port the ship reached.
    permanentUrl: https://collections.example.org/objects/1891-17
    translation: translations/ship-letter.md
    images:
      - file: media/ship-letter-1.jpg
        alt: A handwritten letter on lined paper, first page
      - file: media/ship-letter-2.jpg
        alt: "The second page, signed: Anna"

  dock-photo:
    title: The east dock
    date: about 1905
    translationNote: A photograph, without words to translate.
    images:
      - file: media/dock-photo.jpg
        alt: Cranes and a steamship at the east dock
        standIn: true
`,
    'sections/leaving/intro.md': `Between 1890 and 1920, one in five people of the town left by sea.
Most of them wrote home.

These letters were kept by the families who received them.
`,
    'sections/leaving/01-on-board.md': `---
title: On Board
era: The Crossing
---

A crossing took nine days in good weather, and longer in bad.

{{artifact ship-letter}}

Anna's letter tells of the food, the noise and the other passengers.
`,
    'sections/leaving/02-the-dock.md': `---
title: The Dock
---

{{artifact dock-photo}}
`,
    'translations/ship-letter.md': `Dear mother, we are three days out and the sea is calm.

Tell Per that I will write from New York.
`,
  };
}

/** The example's images (real JPEGs, made by writeExhibitFolder). */
export const EXAMPLE_IMAGES = ['media/ship-letter-1.jpg', 'media/ship-letter-2.jpg', 'media/dock-photo.jpg'];

/** Writes `files` into `dir` with a real image for each of `images`; returns `dir`. */
export async function writeExhibitFolder(dir: string, files: Record<string, string> = exampleFiles(), images = EXAMPLE_IMAGES): Promise<string> {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  for (const [n, file] of images.entries()) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    await makeImage(join(dir, file), n + 1);
  }
  return dir;
}

/** The 1-based line of `file`'s text on which `needle` first appears. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`test: "${needle}" is not in the text`);
  return text.slice(0, at).split('\n').length;
}

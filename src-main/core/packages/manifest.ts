/**
 * Content package format, version 1 (docs/content-package.md): `manifest.json` plus media files.
 * Content is plain text, never markup: anything that looks like an HTML tag is refused, so no
 * package can smuggle markup into the kiosk even if a later screen rendered it carelessly.
 */
import { z } from 'zod';

export const PACKAGE_FORMAT = 'vitrine-package';
export const PACKAGE_SCHEMA_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** A package's, section's, topic's or artifact's id. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const id = z.string().regex(ID_PATTERN, {
  message: 'an id of 1-64 letters, digits, "-" or "_", starting with a letter or digit',
});

const MARKUP = /<\s*[A-Za-z!/?]/;
// Text is prose: a control character (C0, DEL or C1) other than a line break or a tab shows as
// nothing or as a box, can make a screen reader stumble, and U+0002/U+0003 are what search marks
// its matches with (store/search.ts), so a package holding them could fake or break a highlight.
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

/** Where `text` holds a control character, as "U+0002 at position 14" (counting characters from 1), or null. */
export function controlCharacterIn(text: string): string | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} at position ${[...text.slice(0, match.index)].length + 1}`;
}

const plainText = (max: number) =>
  z
    .string({ message: 'text' })
    .min(1, { message: 'text that is not empty' })
    .max(max, { message: `text of at most ${max} characters` })
    .refine((s) => !MARKUP.test(s), { message: 'plain text without HTML tags such as <b> or <script>' })
    .superRefine((s, ctx) => {
      const found = controlCharacterIn(s);
      if (found) {
        ctx.addIssue({
          code: 'custom',
          message: `plain text without control characters, but it contains one (${found}); text may hold letters, punctuation, spaces, tabs and line breaks only`,
        });
      }
    });

/** A BCP 47 language tag as packages write it: "en", "ru", "en-GB". */
export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'a language tag such as "en" or "ru"' });

/**
 * A visitor-facing text: plain text in the exhibit's language (as every package before issue 6
 * wrote it), or the same text in several languages, `{ "en": "…", "ru": "…" }`. Which languages a
 * map may hold depends on the exhibit, so local-text.ts checks that once the whole manifest is read.
 */
const localText = (max: number) =>
  z.union([plainText(max), z.record(z.string(), plainText(max))], {
    message: 'text, or the same text in several languages such as { "en": "…", "ru": "…" }',
  });

const mediaFile = z
  .string()
  .regex(/^media\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.(jpe?g|png|webp)$/i, {
    message: 'a file name under media/ ending in .jpg, .jpeg, .png or .webp (no sub-folders, spaces or "..")',
  });

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'a SHA-256 checksum of 64 lowercase hex digits' });

/** A file of the package named by its place, with its size and checksum, checked as it is staged. */
const fileEntry = (name: z.ZodString) =>
  z.strictObject({
    file: name,
    sha256,
    bytes: z.number().int().positive({ message: 'the file size in bytes, a positive whole number' }),
  });

const fileName = (extensions: string[], words: string) =>
  z.string().regex(new RegExp(`^media/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.(${extensions.join('|')})$`, 'i'), {
    message: `a file name under media/ ending in ${words} (no sub-folders, spaces or "..")`,
  });

/** Video and audio the kiosk plays (core/media/media-facts.ts says which codecs each may hold). */
export const RECORDING_EXTENSIONS = ['mp4', 'webm', 'mp3', 'm4a', 'opus', 'ogg'];
const recordingFile = fileName(RECORDING_EXTENSIONS, '.mp4, .webm (video), .mp3, .m4a, .opus or .ogg (sound)');
const videoFile = fileName(['mp4', 'webm'], '.mp4 or .webm (a video)');
const soundFile = fileName(['mp3', 'm4a', 'opus', 'ogg'], '.mp3, .m4a, .opus or .ogg (sound)');
const imageFile = fileName(['jpe?g', 'png', 'webp'], '.jpg, .jpeg, .png or .webp');
const captionsFile = fileName(['vtt'], '.vtt (WebVTT captions)');

/**
 * A film or a sound recording of an artifact (issue 20), with what makes it accessible: captions
 * per language (the visitor's language, falling back like text), a transcript shown beside the
 * player and found by search, optionally a sign-language video played in step and an audio
 * description track, and a poster (else the video's first frame).
 */
export const recordingSchema = fileEntry(recordingFile).extend({
  title: localText(300).nullable().default(null),
  poster: fileEntry(imageFile).nullable().default(null),
  captions: z
    .array(fileEntry(captionsFile).extend({ language: languageTag }))
    .max(20)
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((captions, i) => {
        if (seen.has(captions.language)) ctx.addIssue({ code: 'custom', path: [i, 'language'], message: `one captions file per language, but "${captions.language}" has two` });
        seen.add(captions.language);
      });
    }),
  transcript: z.array(localText(20000)).min(1).max(2000).nullable().default(null),
  signLanguage: fileEntry(videoFile).nullable().default(null),
  audioDescription: fileEntry(soundFile).nullable().default(null),
});

export const mediaSchema = z.strictObject({
  file: mediaFile,
  sha256,
  bytes: z.number().int().positive({ message: 'the file size in bytes, a positive whole number' }),
  alt: localText(500),
  standIn: z.boolean().default(false),
});

/** Years a period may name: from the 10th millennium BCE (negative years) to 2100. */
export const YEAR_MIN = -9999;
export const YEAR_MAX = 2100;
const YEAR_WORDS = `a year as a whole number from ${YEAR_MIN} to ${YEAR_MAX}, such as 1921 (negative years are BCE)`;
// Says what it got, so "1920" in quotes or 1920.5 is plain to see; a missing year is said by validate.ts.
const yearError = (issue: { input?: unknown }) => (issue.input === undefined ? YEAR_WORDS : `${YEAR_WORDS}, but it is ${JSON.stringify(issue.input)}`);
const year = z.number({ error: yearError }).int({ error: yearError }).min(YEAR_MIN, { error: yearError }).max(YEAR_MAX, { error: yearError });

/**
 * When a topic or an artifact belongs on the timeline (docs/content-package.md, "Periods and the
 * timeline"): whole years, `to` included, left out for a single year.
 */
export const periodSchema = z
  .strictObject({
    from: year,
    to: year.nullable().default(null),
    label: plainText(60).nullable().default(null),
  })
  .superRefine((period, ctx) => {
    if (period.to !== null && period.to < period.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `a year no earlier than "from" (${period.from}), but it is ${period.to}` });
    }
  });

/** The exhibit's time axis: the first and last year it shows. */
export const timelineSchema = z.strictObject({ from: year, to: year }).superRefine((span, ctx) => {
  if (span.to <= span.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `a year later than "from" (${span.from}), but it is ${span.to}` });
});

export const artifactSchema = z.strictObject({
  id,
  title: localText(300),
  caption: localText(4000).nullable().default(null),
  permanentUrl: z
    .url({ protocol: /^https?$/, message: 'an http(s) address such as https://www.loc.gov/…' })
    .max(400)
    .nullable()
    .default(null),
  translation: z.array(localText(20000)).min(1).nullable().default(null),
  translationNote: localText(500).nullable().default(null),
  date: localText(100).nullable().default(null),
  period: periodSchema.nullable().default(null),
  media: z.array(mediaSchema).max(200).default([]),
  recordings: z.array(recordingSchema).max(20).optional(),
}).superRefine((artifact, ctx) => {
  // An object may be a film or a sound recording alone (issue 20), but never nothing to look at or hear.
  if (artifact.media.length === 0 && !artifact.recordings?.length) {
    ctx.addIssue({ code: 'custom', path: ['media'], message: 'at least one image, or a film or sound recording under "recordings"' });
  }
});

export const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: localText(20000) }),
  z.strictObject({ type: z.literal('artifact'), ref: id }),
]);

export const topicSchema = z.strictObject({
  id,
  era: localText(120).nullable().default(null),
  title: localText(300),
  period: periodSchema.nullable().default(null),
  body: z.array(blockSchema).min(1, { message: 'at least one paragraph or artifact' }),
});

export const sectionSchema = z.strictObject({
  id,
  title: localText(300),
  introduction: z.array(localText(20000)).default([]),
  topics: z.array(topicSchema).default([]),
});

/** What the attract loop shows; without it, every artifact with an image and the exhibit title. */
export const attractSchema = z.strictObject({
  title: localText(300).nullable().default(null),
  invitation: localText(200).nullable().default(null),
  artifacts: z.array(id).max(100).nullable().default(null),
});

export const manifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT, { message: `"${PACKAGE_FORMAT}"` }),
  schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION, {
    message: `schema version ${PACKAGE_SCHEMA_VERSION} (this kiosk reads version ${PACKAGE_SCHEMA_VERSION} packages)`,
  }),
  package: z.strictObject({
    id,
    version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, { message: 'a version such as 1.2.0' }),
    title: plainText(300),
  }),
  exhibit: z.strictObject({
    title: localText(300),
    subtitle: localText(300).nullable().default(null),
    credit: localText(1000).nullable().default(null),
    /** The exhibit's own language: every text is in it, and falls back to it. */
    language: languageTag,
    /**
     * The other languages some of its texts are given in (never the exhibit's own). Optional
     * without a default, so a one-language package packs to the same manifest as before.
     */
    languages: z.array(languageTag).max(20).optional(),
    sections: z.array(sectionSchema).min(1, { message: 'at least one section' }),
    attract: attractSchema.nullable().default(null),
    timeline: timelineSchema.nullable().default(null),
  }),
  artifacts: z.array(artifactSchema).max(100_000),
}).superRefine(periodsWithinTimeline);

/** With an exhibit timeline, every period must lie on it: a period off the axis could not be shown. */
function periodsWithinTimeline(manifest: { exhibit: { timeline: Span | null; sections: { topics: { period: Period | null }[] }[] }; artifacts: { period: Period | null }[] }, ctx: z.RefinementCtx): void {
  const axis = manifest.exhibit.timeline;
  // A timeline that runs backwards is refused on its own; measured against it, every period
  // would be "outside" it, one mistake reported as many.
  if (!axis || axis.to < axis.from) return;
  const check = (period: Period | null, path: (string | number)[]) => {
    if (!period) return;
    for (const end of ['from', 'to'] as const) {
      const value = period[end];
      if (value !== null && (value < axis.from || value > axis.to)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'period', end], message: `a year within the exhibit's timeline (${axis.from} to ${axis.to}, exhibit.timeline), but it is ${value}` });
      }
    }
  };
  manifest.exhibit.sections.forEach((section, s) => section.topics.forEach((topic, t) => check(topic.period, ['exhibit', 'sections', s, 'topics', t])));
  manifest.artifacts.forEach((artifact, a) => check(artifact.period, ['artifacts', a]));
}

type Span = z.output<typeof timelineSchema>;

/** A text field's value as the manifest gives it: plain (the exhibit's language) or by language. */
export type LocalTextValue = string | Record<string, string>;
export type Manifest = z.output<typeof manifestSchema>;
export type ManifestMedia = z.output<typeof mediaSchema>;
export type ManifestRecording = z.output<typeof recordingSchema>;
export type ManifestArtifact = z.output<typeof artifactSchema>;
export type Period = z.output<typeof periodSchema>;

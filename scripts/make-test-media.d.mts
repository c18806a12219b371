/** Types of make-test-media.mjs, for the TypeScript tests that call it (the project does not type-check JavaScript). */

export const FFMPEG: string;
export const SECONDS: number;
export const WIDTH: number;
export const HEIGHT: number;
export const FPS: number;

export type TestMediaName =
  | 'video.mp4' | 'sign.mp4' | 'video.webm' | 'audio.mp3' | 'audio.m4a' | 'audio.opus'
  | 'captions.en.vtt' | 'captions.ru.vtt' | 'poster.png';

/** Cues at 0.5-1.5 s and 2-3.5 s, in English and Russian, by file name. */
export const CAPTIONS: Record<'captions.en.vtt' | 'captions.ru.vtt', string>;

/** Runs ffmpeg with `args` and the bit-exact flags, writing `output`; resolves to `output`. */
export function ffmpeg(args: string[], output: string): Promise<string>;

/** ffmpeg's input and codec arguments for a 1-second 320x180 video in `codec` (an ffmpeg encoder name). */
export function videoInCodec(codec: string): string[];

/** Writes the good test media into `outDir` and returns each file's path by name. */
export function makeTestMedia(outDir: string): Promise<Record<TestMediaName, string>>;

/**
 * Checks a manifest's text: JSON syntax, the v1 schema, then what a schema cannot say (ids
 * unique, every artifact reference resolves, no file used twice). Media bytes are checked
 * separately while they are staged (stage.ts), so a package is never read into memory whole.
 */
import { MANIFEST_FILE, manifestSchema, type Manifest } from './manifest';
import { PackageError, Problems, formatFieldPath } from './errors';
import { checkLanguages } from './local-text';
import { packageFiles } from './package-files';

/**
 * Parses and validates manifest.json; throws PackageError naming the field at fault (a
 * PackageProblems when the schema finds several: all of them at once).
 */
export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PackageError(MANIFEST_FILE, null, `valid JSON (${(error as Error).message})`);
  }
  refuseUnsafeKeys(json, []);
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const problems = new Problems();
    for (const issue of result.error.issues) problems.add(issueProblem(json, issue));
    problems.check();
  }
  const manifest = result.data!;
  checkReferences(manifest);
  checkLanguages(manifest);
  return manifest;
}

/** Every problem the schema finds in `json`, each naming its field (for a curator's source). */
export function schemaProblems(json: unknown): PackageError[] {
  const result = manifestSchema.safeParse(json);
  return result.success ? [] : result.error.issues.map((issue) => issueProblem(json, issue));
}

function issueProblem(json: unknown, issue: Parameters<typeof describeIssue>[0]): PackageError {
  // A text that may be given by language is a union: its "missing" is an invalid_union.
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(json, issue.path) === undefined;
  const expected = missing ? `a value (${describeIssue(issue)}), but the field is missing` : describeIssue(issue);
  return new PackageError(MANIFEST_FILE, formatFieldPath(issue.path) || null, expected);
}

/**
 * Keys no object of the format can hold. JSON.parse keeps "__proto__" as a key, and zod's records
 * drop it without a word, so a package that said something in it was accepted as if it had not
 * (issue 17, found by an outside test of hostile packages). Refused with its place instead.
 */
function refuseUnsafeKeys(value: unknown, path: (string | number)[]): void {
  if (Array.isArray(value)) return value.forEach((item, i) => refuseUnsafeKeys(item, [...path, i]));
  if (!value || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw new PackageError(MANIFEST_FILE, formatFieldPath([...path, key]), `no key named "${key}" (it is no field of the format, nor a language)`);
    }
    refuseUnsafeKeys((value as Record<string, unknown>)[key], [...path, key]);
  }
}

function describeIssue(issue: { code: string; message: string; path: readonly PropertyKey[]; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `no field named ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against docs/content-package.md)`;
  }
  // zod's own messages for types read "Invalid input: expected string, received number".
  return issue.message.replace(/^Invalid input: /, '');
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function checkReferences(manifest: Manifest): void {
  const artifactIds = new Map<string, number>();
  manifest.artifacts.forEach((artifact, a) => {
    if (artifactIds.has(artifact.id)) {
      throw new PackageError(MANIFEST_FILE, `artifacts[${a}].id`, `an id used only once, but "${artifact.id}" is also artifacts[${artifactIds.get(artifact.id)}]`);
    }
    artifactIds.set(artifact.id, a);
  });
  // Each file once, whatever it is to the kiosk (an image, a recording, its poster, captions…):
  // staging keys files by name, and a name used twice is a curator's copying mistake.
  const files = new Map<string, string>();
  for (const { file, role, field } of packageFiles(manifest)) {
    const key = file.toLowerCase();
    const first = files.get(key);
    if (first) throw new PackageError(MANIFEST_FILE, `${field}.file`, `a file used ${role === 'image' ? 'by one image only' : 'only once'}, but "${file}" is also ${first}`);
    files.set(key, `${field}.file`);
  }

  manifest.exhibit.attract?.artifacts?.forEach((ref, i) => {
    if (!artifactIds.has(ref)) throw new PackageError(MANIFEST_FILE, `exhibit.attract.artifacts[${i}]`, `the id of an artifact listed under "artifacts", but there is no artifact "${ref}"`);
    // The attract loop shows pictures, and films muted: a sound recording alone needs its poster.
    const artifact = manifest.artifacts[artifactIds.get(ref)!]!;
    const first = artifact.recordings?.[0];
    if (artifact.media.length === 0 && !first?.poster && !/\.(mp4|webm)$/i.test(first?.file ?? '')) {
      throw new PackageError(MANIFEST_FILE, `exhibit.attract.artifacts[${i}]`, `an artifact with something to show (an image, a film, or a poster on its first recording), but "${ref}" is a sound recording without a poster`);
    }
  });

  const sectionIds = new Set<string>();
  const topicIds = new Set<string>();
  manifest.exhibit.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) throw new PackageError(MANIFEST_FILE, `exhibit.sections[${s}].id`, `a section id used only once, but "${section.id}" repeats`);
    sectionIds.add(section.id);
    section.topics.forEach((topic, t) => {
      const at = `exhibit.sections[${s}].topics[${t}]`;
      if (topicIds.has(topic.id)) throw new PackageError(MANIFEST_FILE, `${at}.id`, `a topic id used only once, but "${topic.id}" repeats`);
      topicIds.add(topic.id);
      topic.body.forEach((block, b) => {
        if (block.type === 'artifact' && !artifactIds.has(block.ref)) {
          throw new PackageError(MANIFEST_FILE, `${at}.body[${b}].ref`, `the id of an artifact listed under "artifacts", but there is no artifact "${block.ref}"`);
        }
      });
    });
  });
}

/**
 * Checks a manifest's text: JSON syntax, the v1 schema, then what a schema cannot say (ids
 * unique, every artifact reference resolves, no file used twice). Media bytes are checked
 * separately while they are staged (stage.ts), so a package is never read into memory whole.
 */
import { MANIFEST_FILE, manifestSchema, type Manifest } from './manifest';
import { PackageError, formatFieldPath } from './errors';
import { checkLanguages } from './local-text';

/** Parses and validates manifest.json; throws PackageError naming the field at fault. */
export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PackageError(MANIFEST_FILE, null, `valid JSON (${(error as Error).message})`);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // A text that may be given by language is a union: its "missing" is an invalid_union.
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(json, issue.path) === undefined;
    const expected = missing ? `a value (${describeIssue(issue)}), but the field is missing` : describeIssue(issue);
    throw new PackageError(MANIFEST_FILE, formatFieldPath(issue.path) || null, expected);
  }
  checkReferences(result.data);
  checkLanguages(result.data);
  return result.data;
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
  const files = new Map<string, string>();
  manifest.artifacts.forEach((artifact, a) => {
    if (artifactIds.has(artifact.id)) {
      throw new PackageError(MANIFEST_FILE, `artifacts[${a}].id`, `an id used only once, but "${artifact.id}" is also artifacts[${artifactIds.get(artifact.id)}]`);
    }
    artifactIds.set(artifact.id, a);
    artifact.media.forEach((media, m) => {
      const field = `artifacts[${a}].media[${m}].file`;
      const key = media.file.toLowerCase();
      if (files.has(key)) throw new PackageError(MANIFEST_FILE, field, `a file used by one image only, but "${media.file}" is also ${files.get(key)}`);
      files.set(key, field);
    });
  });

  manifest.exhibit.attract?.artifacts?.forEach((ref, i) => {
    if (!artifactIds.has(ref)) throw new PackageError(MANIFEST_FILE, `exhibit.attract.artifacts[${i}]`, `the id of an artifact listed under "artifacts", but there is no artifact "${ref}"`);
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

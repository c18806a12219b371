// @vitest-environment node
/**
 * `vitrine pack` and `vitrine validate` on a curator's source folder (exhibit.yaml and Markdown),
 * as staff run them: a real process, real files, the words on screen and the exit codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, runCli } from '../../helpers/cli';
import { exampleFiles, lineOf, writeExhibitFolder } from '../../helpers/exhibit-folder';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let source: string;

beforeAll(async () => {
  root = tempDir();
  await buildCli();
  source = await writeExhibitFolder(join(root.path, 'harbour'));
});
afterAll(() => root.cleanup());

describe('a curator source folder on the command line', () => {
  it('vitrine validate checks it completely and writes nothing into it', async () => {
    const run = await runCli(['validate', source]);
    // The counts, so a missing section shows; the example's second section has no topics (issue 17).
    expect(run).toMatchObject({
      code: 0,
      stdout: [
        'Valid source: "Letters from the Harbour (spring 2025)" 1.2.0, 2 artifacts, 3 images.',
        '  2 sections, 2 topics, 2 artifacts, 3 images; languages: en.',
        `  Warning: exhibit.yaml, line ${lineOf(exampleFiles()['exhibit.yaml']!, '  - id: arriving')}: section "arriving" has no topics (no files in sections/arriving/): visitors will see it as "Not on this kiosk"`,
        '',
      ].join('\n'),
    });
    expect(existsSync(join(source, 'manifest.json'))).toBe(false);
  });

  it('--json: the same for scripts, and a refusal as JSON with every problem in its place', async () => {
    const run = await runCli(['validate', source, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, source: true, package: { id: 'harbour-letters', version: '1.2.0' }, images: 3, counts: { sections: 2, topics: 2 }, warnings: [{ file: 'exhibit.yaml', place: expect.stringMatching(/^line \d+$/) }] });
    const broken = await writeExhibitFolder(join(root.path, 'broken-json'));
    const topic = join(broken, 'sections/leaving/01-on-board.md');
    writeFileSync(topic, readFileSync(topic, 'utf8').replace('era: The Crossing', 'era: [The Crossing]'));
    const refused = await runCli(['validate', broken, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ valid: false, problems: [{ file: 'sections/leaving/01-on-board.md', place: 'line 3', expected: '"era" should be text, found a list' }] });
  });

  it('vitrine pack makes one archive of it, which validates as a package', async () => {
    const archive = join(root.path, 'harbour-1.2.0.vitrine');
    const packed = await runCli(['pack', source, '--out', archive]);
    expect(packed).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Packed "Letters from the Harbour \(spring 2025\)" 1\.2\.0: 4 files, 0\.0 MB -> .*harbour-1\.2\.0\.vitrine\n$/) });
    expect(await runCli(['validate', archive])).toMatchObject({ code: 0, stdout: 'Valid: "Letters from the Harbour (spring 2025)" 1.2.0, 2 artifacts, 3 images.\n' });
  });

  it('a mistake is refused with its file and line (exit code 1), and nothing is written', async () => {
    const broken = await writeExhibitFolder(join(root.path, 'broken'));
    const topic = join(broken, 'sections/leaving/01-on-board.md');
    writeFileSync(topic, readFileSync(topic, 'utf8').replace('era: The Crossing', 'era: [The Crossing]'));
    const refusal = 'Refused: sections/leaving/01-on-board.md, line 3: "era" should be text, found a list\n';
    expect(await runCli(['validate', broken])).toMatchObject({ code: 1, stderr: refusal });
    expect(await runCli(['pack', broken, '--out', join(root.path, 'broken.zip')])).toMatchObject({ code: 1, stderr: refusal });
    expect(existsSync(join(root.path, 'broken.zip'))).toBe(false);
    const yaml = exampleFiles()['exhibit.yaml']!;
    // A second mistake in another file: both in one run, grouped by file (issue 17).
    writeFileSync(join(broken, 'exhibit.yaml'), yaml.replace('  dock-photo:\n    title:', '  dock-photo:\n    titel:'));
    expect(await runCli(['validate', broken])).toMatchObject({
      code: 1,
      stderr: [
        'Refused: 2 problems in 2 files:',
        '  exhibit.yaml',
        `    line ${lineOf(yaml, '  dock-photo:') + 1}: "titel" is not a key of artifact "dock-photo": did you mean "title"? (its keys are title, date, caption, permanentUrl, translation, translationNote, period, images, recordings)`,
        '  sections/leaving/01-on-board.md',
        '    line 3: "era" should be text, found a list',
        '',
      ].join('\n'),
    });
  });

  it('--trusted is for packages: a source folder is not signed (wrong usage, exit code 2)', async () => {
    const run = await runCli(['validate', source, '--trusted', 'MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=']);
    expect(run).toMatchObject({ code: 2, stderr: `--trusted checks a package's signature, but ${source} is a curator's source folder (vitrine pack --sign signs it). See vitrine --help.\n` });
  });
});

/**
 * The baseline the kiosk is measured against (issue 7): the same exhibit as plain linked HTML
 * pages, with the same text and the same display images, and no script at all. Written from the
 * live package through the kiosk's own API, so both show exactly what the store holds.
 *
 * "The same server": the browser host serves its renderer from `../renderer` beside its bundle.
 * The baseline is a byte-for-byte copy of the built host (out/main) in a temporary folder whose
 * `renderer/` holds these pages instead of the app. It runs as its own process on the same data
 * folder, so it opens the same store, serves `/media/…` from the same media folder, and answers
 * with the same static-file code, headers and CSP; only the pages it serves differ.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi, root, tempDir } from './support.mjs';

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CSS = `html { touch-action: manipulation; color-scheme: dark; background: #16120e; color: #efe6d2; font: 20px/1.5 system-ui, sans-serif; }
body { margin: 0 auto; max-width: 1400px; padding: 32px 48px; }
a { color: inherit; display: inline-block; min-height: 48px; padding: 12px 0; }
img { max-width: 100%; height: auto; display: block; }
.display { max-height: 70vh; width: auto; }
ul { list-style: none; padding: 0; }
`;

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/static.css">
<title>${escapeHtml(title)}</title>
</head>
<body>
${body}
</body>
</html>
`;
}

const img = (image, which) => `<img class="${which}" src="${escapeHtml(image[which])}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}">`;
const back = (href) => `<p><a href="${href}">Back</a></p>`;
const paragraphs = (list) => list.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');

function homePage(exhibit) {
  const first = exhibit.attract.artifacts.find((a) => a.thumb)?.thumb;
  const sections = exhibit.sections.map((s) =>
    s.hasContent
      ? `<li><a href="/sections/${s.id}.html">${s.cover ? img(s.cover, 'thumb') : ''}${escapeHtml(s.title)}</a></li>`
      : `<li>${escapeHtml(s.title)}: not on this kiosk</li>`,
  );
  return page(exhibit.title, `<main data-screen="home">
<h1>${escapeHtml(exhibit.title)}</h1>
${exhibit.subtitle ? `<p>${escapeHtml(exhibit.subtitle)}</p>` : ''}
${first ? img(first, 'display') : ''}
<ul>${sections.join('\n')}</ul>
${exhibit.credit ? `<p>${escapeHtml(exhibit.credit)}</p>` : ''}
</main>`);
}

function sectionPage(section) {
  const eras = section.eras.map((group) => `${group.era ? `<h2>${escapeHtml(group.era)}</h2>` : ''}
<ul>${group.topics.map((t) => `<li><a href="/topics/${t.id}.html">${escapeHtml(t.title)}</a> (${t.artifactCount} objects)</li>`).join('\n')}</ul>`);
  return page(section.title, `${back('/index.html')}
<main data-screen="section">
<h1>${escapeHtml(section.title)}</h1>
${paragraphs(section.introduction)}
${eras.join('\n')}
</main>`);
}

function topicPage(topic) {
  const blocks = topic.blocks.map((b) =>
    b.type === 'paragraph'
      ? `<p>${escapeHtml(b.text)}</p>`
      : `<p><a href="/artifacts/${b.artifact.id}.html">${b.artifact.thumb ? img(b.artifact.thumb, 'thumb') : ''}${escapeHtml(b.artifact.title)}</a></p>`,
  );
  return page(topic.title, `${back(`/sections/${topic.section.id}.html`)}
<main data-screen="topic">
<p>${topic.era ? `${escapeHtml(topic.era)} · ` : ''}${escapeHtml(topic.section.title)}</p>
<h1>${escapeHtml(topic.title)}</h1>
${blocks.join('\n')}
</main>`);
}

function artifactPage(artifact, topicId) {
  const [first, ...more] = artifact.images;
  const translation = artifact.translation?.length
    ? `<h2>Translation</h2>${paragraphs(artifact.translation)}`
    : `<p>${escapeHtml(artifact.translationNote ?? 'This package has no translation of this object.')}</p>`;
  return page(artifact.title, `${back(`/topics/${topicId}.html`)}
<main data-screen="artifact">
${first ? img(first, 'display') : ''}
${more.map((image) => img(image, 'thumb')).join('\n')}
<h1>${escapeHtml(artifact.title)}</h1>
${artifact.date ? `<p>${escapeHtml(artifact.date)}</p>` : ''}
${artifact.caption ? `<p>${escapeHtml(artifact.caption)}</p>` : ''}
${translation}
${artifact.permanentUrl ? `<p>${escapeHtml(artifact.permanentUrl)}</p>` : ''}
</main>`);
}

/**
 * Writes the static rendition of the exhibit live at `url` into `dir` (index.html,
 * sections/, topics/, artifacts/, assets/static.css). Returns the exhibit's shape as a visitor
 * walks it: every section with content, its topics, and the artifacts placed in each topic.
 */
export async function writeStaticExhibit(url, dir) {
  const exhibit = await callApi(url, 'getExhibit');
  for (const sub of ['sections', 'topics', 'artifacts', 'assets']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'assets/static.css'), CSS);
  writeFileSync(join(dir, 'index.html'), homePage(exhibit));
  const shape = { title: exhibit.title, sections: [] };
  let pages = 1;
  for (const summary of exhibit.sections.filter((s) => s.hasContent)) {
    const section = await callApi(url, 'getSection', { id: summary.id });
    writeFileSync(join(dir, 'sections', `${section.id}.html`), sectionPage(section));
    const topics = [];
    for (const topicSummary of section.eras.flatMap((g) => g.topics)) {
      const topic = await callApi(url, 'getTopic', { id: topicSummary.id });
      writeFileSync(join(dir, 'topics', `${topic.id}.html`), topicPage(topic));
      const artifacts = [];
      for (const block of topic.blocks.filter((b) => b.type === 'artifact')) {
        const artifact = await callApi(url, 'getArtifact', { id: block.artifact.id });
        writeFileSync(join(dir, 'artifacts', `${artifact.id}.html`), artifactPage(artifact, artifact.topic?.id ?? topic.id));
        artifacts.push({ id: artifact.id, title: artifact.title });
      }
      topics.push({ id: topic.id, title: topic.title, artifacts });
      pages += 1 + artifacts.length;
    }
    shape.sections.push({ id: section.id, title: section.title, topics });
    pages++;
  }
  return { shape, pages };
}

/**
 * A copy of the built browser host whose renderer is the static rendition of the exhibit live at
 * `url`. Returns the copy's entry (for startHost) and the exhibit's shape; `remove()` deletes it.
 */
export async function staticHostFor(url) {
  const dir = tempDir('vitrine-bench-static-');
  cpSync(join(root, 'out/main'), join(dir, 'main'), { recursive: true });
  // The bundle is an ES module that imports its dependencies from node_modules, as out/main does.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const { shape, pages } = await writeStaticExhibit(url, join(dir, 'renderer'));
  return { entry: join(dir, 'main/browser-host.js'), shape, pages, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Artifact from '../../src-renderer/screens/Artifact.svelte';
import { artifactView, qrMatrix } from './fixtures';

function show(id: string, translation: string[] | null = null) {
  const artifact = artifactView(id, translation);
  const qr = artifact.permanentUrl ? qrMatrix(artifact.permanentUrl) : null;
  const onOpenArtifact = vi.fn();
  const result = render(Artifact, { artifact, qr, onOpenArtifact });
  return { ...result, artifact, qr, onOpenArtifact };
}

describe('Artifact screen', () => {
  it('shows the image large with its alt text, the title, and the stand-in badge', () => {
    const { container, artifact } = show('obj6');
    expect(container.querySelector('main[data-screen="artifact"]')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Stalin at Potsdam');
    const img = screen.getByRole('img', { name: 'Stand-in image for: Stalin at Potsdam' });
    expect(img.getAttribute('src')).toBe(artifact.images[0]?.display);
    expect(container.textContent).toContain('Stand-in image — not the original');
    expect(container.textContent).toContain('Joseph Stalin (right center, rear in white uniform)');
  });

  it('says plainly that there is no translation, never an empty panel', () => {
    show('obj5');
    const region = screen.getByRole('region', { name: 'Translation' });
    expect(region.textContent).toContain('This exhibit includes no translation of this object.');
  });

  it("uses the package's own note about a missing translation when it has one", () => {
    show('obj1');
    const region = screen.getByRole('region', { name: 'Translation' });
    const notice = [...region.querySelectorAll('p')].map((p) => p.textContent);
    expect(notice).toEqual(['The original exhibit offered a translation of this document; it is not included in this package.']);
  });

  it('shows translation paragraphs when the package has them, and no notice', () => {
    const translation = ['To the Council of People’s Commissars:', 'Shipments of grain are to proceed via Riga — without delay.'];
    show('obj1', translation);
    const region = screen.getByRole('region', { name: 'Translation' });
    expect([...region.querySelectorAll('p')].map((p) => p.textContent)).toEqual(translation);
    expect(region.textContent).not.toContain('no translation');
  });

  it('switches pages with the page selector', async () => {
    const { artifact } = show('obj4');
    const page1 = screen.getByRole('button', { name: 'Page 1' });
    const page2 = screen.getByRole('button', { name: 'Page 2' });
    expect(page1.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('img', { name: 'Stand-in image for: Testimony of Wendell Wilkie' })).toBeTruthy();
    await fireEvent.click(page2);
    expect(page2.getAttribute('aria-pressed')).toBe('true');
    expect(page1.getAttribute('aria-pressed')).toBe('false');
    const img = screen.getByRole('img', { name: 'Stand-in image for: Testimony of Wendell Wilkie. Page 2.' });
    expect(img.getAttribute('src')).toBe(artifact.images[1]?.display);
  });

  it('offers no page selector for a single image', () => {
    show('obj6');
    expect(screen.queryByRole('button', { name: /^Page/ })).toBeNull();
  });

  it('draws the permanent address as a QR code and as readable text', () => {
    const { container, qr } = show('obj6');
    const url = 'https://www.loc.gov/exhibits/archives/sovi.html#obj6';
    expect(screen.getByTestId('permanent-url').textContent).toBe(url);
    const svg = screen.getByRole('img', { name: `QR code for ${url}` });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelectorAll('path')).toHaveLength(1);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${qr!.size + 8} ${qr!.size + 8}`);
    expect(container.querySelectorAll('svg[role="img"]')).toHaveLength(1);
  });

  it('walks to the previous and next objects, and offers no previous on the first one', async () => {
    const { onOpenArtifact } = show('obj6');
    await fireEvent.click(screen.getByRole('button', { name: 'Previous object' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Next object' }));
    expect(onOpenArtifact.mock.calls).toEqual([['obj5'], ['obj7']]);
  });

  it('has no previous object at the start of the exhibit, no next one at its end', () => {
    const first = show('obj1');
    const nav = within(first.container).getByRole('navigation', { name: 'Other objects' });
    expect(within(nav).queryByRole('button', { name: 'Previous object' })).toBeNull();
    expect(within(nav).getByRole('button', { name: 'Next object' })).toBeTruthy();
    first.unmount();
    show('obj9');
    expect(screen.queryByRole('button', { name: 'Next object' })).toBeNull();
  });
});

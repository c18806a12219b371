/**
 * An attachment that lifts a `position: fixed` panel out of the screen into the visitor's fixed
 * layer (Visitor.svelte). A screen's <main> slides in with a transform, and while a transform (or
 * a filter, or will-change) is on an ancestor, "fixed" means fixed to that ancestor, not to the
 * screen (issue 16: a drawer or a button drawn half a page down). The layer has no transform, and
 * it sits inside what an overlay makes inert, so the panel goes inert with the screen under it.
 *
 * Svelte removes a block's nodes by walking between its anchors, and a node moved elsewhere is
 * no longer between them: the teardown here removes it.
 */
export function toFixedLayer(node: HTMLElement): () => void {
  (document.querySelector('[data-fixed-layer]') ?? document.body).append(node);
  return () => node.remove();
}

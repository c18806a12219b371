/**
 * The visitor's own list of objects: "Save" on an artifact (the kiosk's form of the original
 * exhibit's "Bookmark this item"), shown on the My list screen with a QR code to take each one
 * home. It lives in the VisitorSession, so the idle reset throws it away with everything else
 * the visitor left (issue 3): the next visitor must never find someone else's list.
 */
import type { ArtifactView, LocalText, RecordingMark } from '@contract/types';
import { cardPicture, recordingMark, type CardPicture } from './card-picture';

/** What the list keeps of a saved object: enough to show it and its address without asking the API again. */
export interface SavedItem {
  id: string;
  /** In every language the package gives, so the list follows a language switch. */
  title: LocalText;
  /** The list's thumbnail: the object's first image, else its recording's poster (card-picture.ts), else null. */
  picture: CardPicture | null;
  /** Its first film or sound recording's kind and poster, or null. */
  recording: RecordingMark | null;
  /** Its permanent address at the home institution, or null when the package gives none. */
  permanentUrl: string | null;
}

/** The saved form of an artifact on show. */
export function savedItemOf(artifact: ArtifactView): SavedItem {
  const recording = recordingMark(artifact.recordings);
  return { id: artifact.id, title: artifact.title, picture: cardPicture(artifact.images[0] ?? null, recording), recording, permanentUrl: artifact.permanentUrl };
}

/** One visitor's saved objects, in the order they were saved, each at most once. */
export class SavedItems {
  // Raw and replaced whole: a handful of small records, and every change is a new list.
  #items = $state.raw<readonly SavedItem[]>([]);

  /** The saved objects, oldest first. */
  get items(): readonly SavedItem[] {
    return this.#items;
  }

  /** How many objects are saved (shown on the My list button). */
  get count(): number {
    return this.#items.length;
  }

  /** True when the object with this id is saved. */
  has(id: string): boolean {
    return this.#items.some((item) => item.id === id);
  }

  /** Saves an object; saving one already on the list changes nothing. */
  add(item: SavedItem): void {
    if (!this.has(item.id)) this.#items = [...this.#items, item];
  }

  /** Takes an object off the list. */
  remove(id: string): void {
    if (this.has(id)) this.#items = this.#items.filter((item) => item.id !== id);
  }

  /** Saves the object, or takes it off the list when it is already saved; returns whether it is saved now. */
  toggle(item: SavedItem): boolean {
    if (this.has(item.id)) {
      this.remove(item.id);
      return false;
    }
    this.add(item);
    return true;
  }
}

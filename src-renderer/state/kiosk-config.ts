/**
 * The kiosk's settings as the renderer uses them, read once at start. A kiosk must come up even
 * when its settings cannot be read, so a failed read falls back to the core's defaults (the same
 * values as src-main/core/settings/schema.ts) instead of leaving the screen blank.
 */
import type { Api } from '@contract/api';
import type { KioskConfig } from '@contract/types';

/** The core's default settings, used when getKioskConfig fails. */
export const DEFAULT_KIOSK_CONFIG: Readonly<KioskConfig> = Object.freeze({
  idleTimeoutSeconds: 90,
  idleCountdownSeconds: 15,
  attractSlideSeconds: 8,
  showCursor: false,
  volumeCeilingPercent: 100,
  preview: false,
});

/** The staff's volume ceiling as a media element's volume, 0.1 to 1. */
export function volumeCeilingOf(config: Pick<KioskConfig, 'volumeCeilingPercent'>): number {
  const percent = config.volumeCeilingPercent;
  return Math.min(100, Math.max(10, percent)) / 100;
}

/** Reads the kiosk's settings; never rejects. */
export async function loadKioskConfig(api: Api): Promise<KioskConfig> {
  try {
    return { ...DEFAULT_KIOSK_CONFIG, ...(await api.getKioskConfig({})) };
  } catch {
    return { ...DEFAULT_KIOSK_CONFIG };
  }
}

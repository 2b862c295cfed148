/** The reader's text sizes, in CSS pixels. */
export const FONT_SIZE = { min: 14, max: 30, step: 2, standard: 18 } as const;
const FONT_SIZE_KEY = 'tall.reader.fontSize';

/** The size the student chose before in this browser, else the standard one. */
export function storedFontSize(storage: Pick<Storage, 'getItem'> = localStorage): number {
  const stored = Number(storage.getItem(FONT_SIZE_KEY));
  return Number.isFinite(stored) && stored >= FONT_SIZE.min && stored <= FONT_SIZE.max ? Math.round(stored) : FONT_SIZE.standard;
}

/** One step bigger (+1) or smaller (-1), within the limits; remembered in this browser. */
export function changeFontSize(current: number, direction: 1 | -1, storage: Pick<Storage, 'setItem'> = localStorage): number {
  const next = Math.max(FONT_SIZE.min, Math.min(FONT_SIZE.max, current + direction * FONT_SIZE.step));
  try {
    storage.setItem(FONT_SIZE_KEY, String(next));
  } catch {
    // Storage full or blocked (private mode): the size holds for this visit only.
  }
  return next;
}

// How the Preview view paces itself, and the mark it leaves for measuring it.

/**
 * Wait after the last change before building the data again: building and drawing take a few
 * milliseconds, so this only keeps a burst of keystrokes to one build (bench/preview.ts). A
 * formatted text (Portable Text) reaches the view later anyway: its editor hands the form its
 * text 250 ms after typing stops (@portabletext/editor's mutation batcher), plain fields at once.
 */
export const TYPING_DEBOUNCE_MS = 50

/**
 * A User Timing mark set each time the Studio hands the view a new displayed document: where the
 * preview's own work starts (DevTools' Performance panel shows it; bench/preview.ts reads it).
 */
export const DISPLAYED_MARK = 'ck-preview:displayed'
/** Marks kept before the older ones are cleared. */
export const MAX_MARKS = 100

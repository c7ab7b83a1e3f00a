// Shared custom properties: every widget reads --ck-* so a page themes them all at once. Links and
// focus rings look the same in every widget.
import {css} from 'lit'

export const tokens = css`
  :host {
    --_primary: var(--ck-color-primary, #0b5cad);
    --_on-primary: var(--ck-color-on-primary, #ffffff);
    --_text: var(--ck-color-text, #1b2430);
    --_muted: var(--ck-color-muted, #4a5563);
    --_bg: var(--ck-color-bg, #ffffff);
    --_border: var(--ck-color-border, #c9d1db);
    --_font: var(--ck-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    --_radius: var(--ck-radius, 8px);
    --_space: var(--ck-space, 1rem);
    display: block;
    padding: var(--ck-padding, 0);
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_font);
    line-height: 1.5;
    /* CMS text may hold long words or URLs: wrap them rather than widen the page (WCAG 1.4.10). */
    overflow-wrap: anywhere;
  }
  a {
    color: var(--_primary);
  }
  /* One visible focus ring for every link, button and field (WCAG 2.4.7, 2.4.13). */
  :focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--ck-color-primary, #8cc4ff);
      --_on-primary: var(--ck-color-on-primary, #0b1a2b);
      --_text: var(--ck-color-text, #e8edf3);
      --_muted: var(--ck-color-muted, #b4bfcc);
      --_bg: var(--ck-color-bg, #111821);
      --_border: var(--ck-color-border, #3a4654);
    }
  }
`

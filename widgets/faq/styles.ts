import {css} from 'lit'

export const faqStyles = css`
  :host {
    /* One closed question: the button (its line and padding, at least 44 px) and the item's border. */
    --_row: calc(max(44px, 1.05rem * 1.5 + 1.5rem) + 1px);
    /* A field needs a boundary of at least 3:1 (WCAG 1.4.11); the dividers do not. */
    --_field-border: var(--ck-color-field-border, #6b7685);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_field-border: var(--ck-color-field-border, #7f8c9b);
    }
  }
  [part~='search'] {
    display: block;
    width: 100%;
    box-sizing: border-box;
    min-height: 44px;
    margin-bottom: var(--_space);
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius);
  }
  [part~='search-status'] {
    margin: 0 0 var(--_space);
    font-size: 0.875rem;
    color: var(--_muted);
  }
  /* Without a search the live region stays in place but takes no room. */
  [part~='search-status']:empty {
    margin: 0;
  }
  [part~='questions'] {
    border-top: 1px solid var(--_border);
  }
  [part~='item'] {
    border-bottom: 1px solid var(--_border);
  }
  [part~='heading'] {
    margin: 0;
    font-size: 1.05rem;
  }
  [part~='button'] {
    display: flex;
    width: 100%;
    min-height: 44px;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: 0.75rem 0.25rem;
    font: inherit;
    font-weight: 600;
    text-align: start;
    color: var(--_text);
    background: none;
    border: 0;
    cursor: pointer;
  }
  [part~='button']:focus-visible {
    border-radius: var(--_radius);
  }
  /* A chevron drawn with two borders: one node per question, no SVG. */
  [part~='icon'] {
    flex: none;
    width: 0.5rem;
    height: 0.5rem;
    margin: 0 0.25rem 0.25rem;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: rotate(45deg);
    transition: transform 0.2s;
  }
  [aria-expanded='true'] [part~='icon'] {
    margin: 0.25rem 0.25rem 0;
    transform: rotate(225deg);
  }
  [part~='panel'] {
    padding: 0 0.25rem var(--_space);
  }
  /* A closed answer (hidden="until-found" keeps its box for find-in-page) takes no room. */
  [part~='panel'][hidden] {
    padding: 0;
  }
  [part~='match'] {
    background: var(--ck-color-highlight, #ffe58a);
    color: #1b2430;
  }
  [part~='skeleton'] {
    /* As tall as the questions it stands for (and the search box above them), so nothing moves. */
    min-height: calc(var(--_rows, 6) * var(--_row));
    padding-top: var(--_lead, 0);
    background: repeating-linear-gradient(var(--_border) 0 1px, transparent 1px var(--_row))
      content-box;
    opacity: 0.6;
  }
  [part~='sources-label'],
  [part~='sources'] {
    margin: 0.5rem 0 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  [part~='sources-label'] {
    font-weight: 600;
  }
  [part~='sources'] {
    margin-top: 0.25rem;
    padding-left: 1.5rem;
  }
  [part~='attribution'] {
    margin-top: var(--_space);
    font-size: 0.875rem;
    color: var(--_muted);
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='icon'] {
      transition: none;
    }
  }
  /* On paper every answer shows, and nothing that needs a pointer. */
  @media print {
    [part~='panel'][hidden] {
      content-visibility: visible;
      padding: 0 0.25rem var(--_space);
    }
    [part~='search'],
    [part~='icon'] {
      display: none;
    }
  }
`

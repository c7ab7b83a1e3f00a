import {css} from 'lit'

export const articleStyles = css`
  [part~='title'] {
    margin: 0 0 0.5rem;
    font-size: 1.75rem;
    line-height: 1.2;
  }
  /* Sizes by the editor's level, not the tag: a title at h2 keeps the same look. */
  [part~='text-h2'],
  [part~='section-heading'] {
    font-size: 1.5rem;
  }
  [part~='text-h3'] {
    font-size: 1.25rem;
  }
  [part~='text-h4'] {
    font-size: 1.1rem;
  }
  [part~='byline'] {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  [part~='overdue'] {
    padding: 0.75rem var(--_space);
    border: 2px solid #9a5b00;
    border-radius: var(--_radius);
    margin-bottom: var(--_space);
  }
  [part~='sources'] {
    font-size: 0.9rem;
  }
  [part~='related'] {
    border-top: 1px solid var(--_border);
  }
  [part~='related-item'] {
    border-bottom: 1px solid var(--_border);
  }
  /* The browser's own disclosure triangle stays; the padding makes a 44 px target. */
  [part~='related-question'] {
    padding: 0.625rem 0.25rem;
    font-weight: 600;
    cursor: pointer;
  }
  [part~='related-answer'] {
    padding: 0 0.25rem var(--_space);
  }
  /* On paper the related questions show their answers. */
  @media print {
    [part~='related-item']::details-content {
      content-visibility: visible;
    }
  }
  [part~='disclaimer'] {
    margin-top: var(--_space);
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.9rem;
  }
  [part~='skeleton'] {
    min-height: 24rem;
  }
  [part~='figure'] {
    margin: var(--_space) 0;
  }
  [part~='image'] {
    display: block;
    max-width: 100%;
    height: auto;
    border-radius: var(--_radius);
  }
  [part~='caption'] {
    margin-top: 0.25rem;
    color: var(--_muted);
    font-size: 0.9rem;
  }
`

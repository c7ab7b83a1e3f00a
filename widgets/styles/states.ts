// Loading, error and retry styles every widget shares.
import {css} from 'lit'

export const stateStyles = css`
  [part~='status'] {
    padding: var(--_space) 0;
    color: var(--_muted);
  }
  [part~='retry'] {
    min-height: 44px;
    padding: 0.5rem 1rem;
    font: inherit;
    color: var(--_on-primary);
    background: var(--_primary);
    border: 0;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='skeleton'] {
    border-radius: var(--_radius);
    background: var(--_border);
    opacity: 0.3;
  }
`

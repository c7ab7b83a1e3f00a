import {css} from 'lit'

/** The card's layout: photo beside the details, stacking on narrow containers. */
export const cardStyles = css`
  [part~='card'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: flex-start;
  }
  [part~='photo'] {
    flex: none;
    width: var(--ck-photo-size, 96px);
    height: var(--ck-photo-size, 96px);
    border-radius: 50%;
    object-fit: cover;
  }
  [part~='placeholder'] {
    display: grid;
    place-items: center;
    font-size: 1.75rem;
    font-weight: 600;
    color: var(--_on-primary);
    background: var(--_primary);
  }
  [part~='details'] {
    flex: 1 1 14rem;
    min-width: 0;
  }
  [part~='name'] {
    font-size: 1.2rem;
    font-weight: 700;
  }
  p,
  ul {
    margin: 0.25rem 0;
  }
  [part~='role'],
  [part~='languages'] {
    color: var(--_muted);
  }
  [part~='specialties'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    padding: 0;
    list-style: none;
  }
  [part~='specialty'] {
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='accepting'] {
    font-weight: 600;
  }
  [part~='booking'] {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    margin-top: 0.5rem;
    padding: 0 1rem;
    color: var(--_on-primary);
    background: var(--_primary);
    border-radius: var(--_radius);
    text-decoration: none;
    font-weight: 600;
  }
  [part~='skeleton'] {
    min-height: 7rem;
  }
`

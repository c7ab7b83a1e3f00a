// A partner's theme tokens as the widgets' --ck-* properties. Each value is checked before it
// reaches a custom property: a theme written through the API skips the Studio's rules, and a value
// such as `url(https://…)` in a background would make every partner page fetch that URL.
import type {PartnerTheme} from '../content/queries'
import type {Tally} from '../portable-text/clean'
import {LIGHT_PALETTE, type PaletteProperty} from './palette'

/**
 * `#rgb`, `#rrggbb`, or `rgb()`/`hsl()` of three numbers. No alpha and no colour names: a
 * transparent text or background colour (`transparent`, `#0000`) would escape the contrast check.
 */
const COLOUR = /^(#[\da-f]{3}([\da-f]{3})?|(rgb|hsl)\(\s*\d*\.?\d+%?([\s,]+\d*\.?\d+%?){2}\s*\))$/i

/**
 * A font stack of plain family names: quoted names, unquoted words, generic families, separated
 * by commas. No parentheses (`url(`, `var(`), semicolons, braces or unbalanced quotes.
 */
export const FONT_STACK =
  /^\s*("[\w -]+"|'[\w -]+'|[\w-]+( [\w-]+)*)\s*(,\s*("[\w -]+"|'[\w -]+'|[\w-]+( [\w-]+)*)\s*)*$/

/** The largest corner radius, in px (the Studio allows 0–32). */
export const MAX_RADIUS = 32

/** A radius in px, rem or em (a bare number is px), from 0 to 32 px (2 rem). */
function radius(value: string): string | false {
  const [, n, unit = 'px'] = /^(\d*\.?\d+)(px|r?em)?$/.exec(value) ?? []
  return n !== undefined && Number(n) * (unit === 'px' ? 1 : 16) <= MAX_RADIUS && n + unit
}

const colour = (value: string) => COLOUR.test(value) && value

/**
 * The --ck-* properties of a theme (`null`: not set), every value checked; a value that is
 * present but not a safe colour, font stack or radius is left out and counted in `skipped`. Its
 * colours are for the partner's light page: every colour it leaves out takes the light palette,
 * in dark mode too, so no dark default ends up on a light partner background.
 */
export function themeProperties(
  theme: Partial<Record<keyof PartnerTheme, unknown>> | null | undefined,
  skipped: Tally,
): Record<string, string | null> {
  const checked = (name: keyof PartnerTheme, check: (value: string) => string | false) => {
    const value = theme?.[name]
    if (value == null || value === '') return null
    const safe = check(String(value))
    if (!safe) skipped[`theme ${name}`] = 1
    return safe || null
  }
  const colours: Partial<Record<PaletteProperty, string | null>> = {
    '--ck-color-primary': checked('colorPrimary', colour),
    '--ck-color-on-primary': checked('colorOnPrimary', colour),
    '--ck-color-text': checked('colorText', colour),
    '--ck-color-bg': checked('colorBackground', colour),
  }
  const coloured = Object.values(colours).some(Boolean)
  const values: Record<string, string | null> = {
    '--ck-font': checked('fontFamily', (value) => FONT_STACK.test(value) && value),
    '--ck-radius': checked('radius', radius),
    // A background of its own needs room inside it: text never touches its edge.
    '--ck-padding': colours['--ck-color-bg'] ? 'var(--_space)' : null,
  }
  for (const [name, light] of Object.entries(LIGHT_PALETTE))
    values[name] = colours[name as PaletteProperty] || (coloured ? light : null)
  return values
}

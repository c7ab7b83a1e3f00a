// WCAG 2.2 contrast for a partner's theme colours: the widgets promise AA on the partner's page, so
// a theme whose colours cannot be read there is caught in the Studio, before it is published.
import {LIGHT_PALETTE} from '@clinic-kit/widgets/theme'

/** The widgets' light colours, which a themed widget uses where its theme leaves a colour out. */
export const WIDGET_DEFAULTS = {
  colorPrimary: LIGHT_PALETTE['--ck-color-primary'],
  colorOnPrimary: LIGHT_PALETTE['--ck-color-on-primary'],
  colorText: LIGHT_PALETTE['--ck-color-text'],
  colorBackground: LIGHT_PALETTE['--ck-color-bg'],
  /** Secondary text (attribution, messages); a theme does not set it. */
  colorMuted: LIGHT_PALETTE['--ck-color-muted'],
}

/** Normal-size text needs 4.5:1 (WCAG 1.4.3). */
export const TEXT_CONTRAST = 4.5

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

/** `#rgb` or `#rrggbb` as 0–255 channels, or null for anything else. */
export function parseHex(hex: string): [number, number, number] | null {
  if (!HEX.test(hex)) return null
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1)
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number]
}

/** Relative luminance (sRGB), as WCAG defines it. */
function luminance([r, g, b]: [number, number, number]): number {
  const linear = (value: number) => {
    const c = value / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/** The contrast ratio of two hex colours (1–21), or null when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number | null {
  const ca = parseHex(a)
  const cb = parseHex(b)
  if (!ca || !cb) return null
  const [light, dark] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

export interface ThemeColours {
  colorPrimary?: string
  colorOnPrimary?: string
  colorText?: string
  colorBackground?: string
}

/** Each pair of colours the widgets put one on the other, and what readers see there. */
const PAIRS = [
  {fg: 'colorText', bg: 'colorBackground', what: 'Body text'},
  {fg: 'colorPrimary', bg: 'colorBackground', what: 'Links in the accent colour'},
  {fg: 'colorOnPrimary', bg: 'colorPrimary', what: 'Button text'},
  {fg: 'colorMuted', bg: 'colorBackground', what: 'Secondary text (the widgets’ grey)'},
] as const

/**
 * What readers could not read in this theme, as messages for editors: one per pair of colours
 * below 4.5:1, naming both colours and the ratio. Colours that are not valid hex are left to the
 * fields' own rules.
 */
export function themeContrastProblems(theme: ThemeColours | undefined): string[] {
  const colours = {...WIDGET_DEFAULTS, ...withoutEmpty(theme ?? {})}
  const problems: string[] = []
  for (const {fg, bg, what} of PAIRS) {
    const ratio = contrastRatio(colours[fg], colours[bg])
    if (ratio === null || ratio >= TEXT_CONTRAST) continue
    problems.push(
      `${what} (${colours[fg]}) on ${colours[bg]} has a contrast of ${ratio.toFixed(1)}:1; ` +
        `readers need at least ${TEXT_CONTRAST}:1 (WCAG AA). Pick a darker or lighter colour.`,
    )
  }
  return problems
}

function withoutEmpty(theme: ThemeColours): ThemeColours {
  return Object.fromEntries(Object.entries(theme).filter(([, value]) => Boolean(value)))
}

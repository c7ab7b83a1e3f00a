// Computed CSS colours (`rgb(…)`/`rgba(…)` as getComputedStyle gives them) measured with the
// Studio's own contrast rule, for the checks axe-core does not make, such as a field's border
// (WCAG 1.4.11).
import {contrastRatio} from '../../model/contrast'

/** `rgb(r, g, b)` as `#rrggbb`. */
export function rgbToHex(colour: string): string {
  const match = /^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/.exec(colour)
  if (!match) throw new Error(`Not an rgb() colour: ${colour}`)
  const hex = (value: string) => Math.round(Number(value)).toString(16).padStart(2, '0')
  return `#${hex(match[1]!)}${hex(match[2]!)}${hex(match[3]!)}`
}

/** The contrast ratio of two computed colours, from 1 to 21. */
export function computedContrast(a: string, b: string): number {
  const ratio = contrastRatio(rgbToHex(a), rgbToHex(b))
  if (ratio === null) throw new Error(`Cannot measure ${a} against ${b}`)
  return ratio
}

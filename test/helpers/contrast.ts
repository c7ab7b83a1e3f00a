// WCAG contrast ratio between two computed CSS colours (`rgb(…)`/`rgba(…)` as getComputedStyle
// gives them), for the checks axe-core does not make, such as a field's border (WCAG 1.4.11).

function channels(colour: string): [number, number, number] {
  const match = /^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/.exec(colour)
  if (!match) throw new Error(`Not an rgb() colour: ${colour}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** Relative luminance as WCAG 2.2 defines it (sRGB). */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((value) => {
    const c = value / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** The contrast ratio of two opaque colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

/** `#rrggbb` as the `rgb(…)` form contrastRatio takes. */
export function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return `rgb(${r}, ${g}, ${b})`
}

// How much work a render is, in pixels decoded plus pixels written: the queue's light/heavy line.
import type {Plan} from './geometry'
import type {SourceInfo} from './render'

/**
 * libvips decodes JPEG at 1/2, 1/4 or 1/8 scale when the output is that much smaller, so a
 * widget's 480 px photo from a 12 MP JPEG decodes under 1 MP. Other formats decode in full.
 */
function jpegShrink(plan: Plan): number {
  const turned = plan.rotate === 90 || plan.rotate === 270
  const across = turned ? plan.region.height : plan.region.width
  const down = turned ? plan.region.width : plan.region.height
  const room = Math.min(across / plan.content.width, down / plan.content.height)
  return [8, 4, 2].find((factor) => room >= factor) ?? 1
}

export function renderCost(source: SourceInfo, plan: Plan, ext: string): number {
  const shrink = ext === 'jpg' ? jpegShrink(plan) : 1
  const decoded = (source.width * source.height * source.pages) / (shrink * shrink)
  return Math.round(decoded + plan.canvas.width * plan.canvas.height)
}

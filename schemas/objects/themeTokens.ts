import {ColorWheelIcon} from '@sanity/icons/ColorWheel'
import {defineField, defineType} from 'sanity'
import {FONT_STACK, MAX_RADIUS} from '@clinic-kit/widgets/theme'
import {themeContrastProblems, type ThemeColours} from '../../model/contrast'

// The widgets check every token again before it reaches a custom property (widgets/styles/theme.ts)
// and share these rules; colours stay hex here so the contrast rule can measure them.
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/

function colorField(name: string, title: string, description: string) {
  return defineField({
    name,
    title,
    type: 'string',
    description,
    validation: (rule) =>
      rule.regex(HEX).error('Use a colour like #1a5f7a (# and 3 or 6 hex digits).'),
  })
}

/** Design tokens a partner's embedded widgets use, mapped to the widgets' --ck-* properties. */
export const themeTokens = defineType({
  name: 'themeTokens',
  title: 'Theme',
  type: 'object',
  icon: ColorWheelIcon,
  description:
    'Colours left empty keep the widgets’ own. Text, links and buttons must stay readable: at least 4.5:1 against what is behind them.',
  // The widgets promise WCAG AA on the partner's page; a theme readers cannot read is an error.
  validation: (rule) =>
    rule.custom((theme: ThemeColours | undefined) => {
      const problems = themeContrastProblems(theme)
      return problems.length ? problems.join(' ') : true
    }),
  fields: [
    colorField('colorPrimary', 'Accent colour', 'Buttons, links and focus rings.'),
    colorField('colorOnPrimary', 'Text on accent colour', 'Text on buttons.'),
    colorField('colorText', 'Text colour', 'Body text.'),
    colorField('colorBackground', 'Background colour', 'Widget background.'),
    defineField({
      name: 'fontFamily',
      title: 'Font family',
      type: 'string',
      description:
        'A CSS font stack the partner’s page already loads, e.g. "Source Sans 3", sans-serif.',
      validation: (rule) =>
        rule
          .regex(FONT_STACK)
          .error(
            'Use font names separated by commas, like "Source Sans 3", sans-serif: letters, digits, spaces and hyphens, each quote closed.',
          ),
    }),
    defineField({
      name: 'radius',
      title: 'Corner radius (px)',
      type: 'number',
      validation: (rule) =>
        rule.min(0).max(MAX_RADIUS).integer().error(`Use a whole number from 0 to ${MAX_RADIUS}.`),
    }),
  ],
})

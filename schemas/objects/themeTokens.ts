import {ColorWheelIcon} from '@sanity/icons/ColorWheel'
import {defineField, defineType} from 'sanity'
import {themeContrastProblems, type ThemeColours} from '../rules/contrast'

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/

function colorField(name: string, title: string, description: string) {
  return defineField({
    name,
    title,
    type: 'string',
    description,
    validation: (rule) => rule.regex(HEX).error('Use a hex colour such as #0b5cad.'),
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
        rule.regex(/^[\w\s"',-]+$/).error('Use font names, quotes, commas and spaces only.'),
    }),
    defineField({
      name: 'radius',
      title: 'Corner radius (px)',
      type: 'number',
      validation: (rule) => rule.min(0).max(32).integer().error('Use a whole number from 0 to 32.'),
    }),
  ],
})

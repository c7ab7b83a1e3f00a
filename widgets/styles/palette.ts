// The widgets' light colours, as the --ck-* properties that set them. styles/tokens.ts uses the
// same values as its light defaults (a test keeps them equal). A partner theme is designed for the
// partner's light page, so a themed widget uses these for every colour the theme leaves out, in
// dark mode too; the Studio checks a theme's contrast against them.
export const LIGHT_PALETTE = {
  '--ck-color-primary': '#0b5cad',
  '--ck-color-on-primary': '#ffffff',
  '--ck-color-text': '#1b2430',
  '--ck-color-muted': '#4a5563',
  '--ck-color-bg': '#ffffff',
  '--ck-color-border': '#c9d1db',
  '--ck-color-field-border': '#6b7685',
} as const

export type PaletteProperty = keyof typeof LIGHT_PALETTE

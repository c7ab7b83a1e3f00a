// @clinic-kit/widgets/theme: the widgets' light palette and the limits a partner theme's tokens
// must keep, for tools that check a theme before it reaches a page (the Studio's contrast check
// and theme fields).
export {LIGHT_PALETTE, type PaletteProperty} from './styles/palette'
export {FONT_STACK, MAX_RADIUS} from './styles/theme'
export type {PartnerTheme} from './content/queries'

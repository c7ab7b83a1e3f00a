// A Vite plugin that shortens Lit's two messages for misusing `css` (a CSSResult constructed
// directly, a non-`css` value interpolated into css``). The widgets' styles are all css``
// literals, so neither is ever thrown; the long texts cost each drop-in script about 100 bytes
// gzipped. The shortened messages still name what went wrong.
import type {Plugin} from 'vite'

const CSS_TAG = /[\\/]@lit[\\/]reactive-element[\\/]css-tag\.js$/

const MESSAGES: Array<[string, string]> = [
  ['"CSSResult is not constructable. Use `unsafeCSS` or `css` instead."', '"Lit: use css``"'],
  [
    `"Value passed to 'css' function must be a 'css' function result: "+t+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security."`,
    '"Lit: not a css`` result: "+t',
  ],
]

export function litMessagesPlugin(): Plugin {
  return {
    name: 'clinic-kit-lit-messages',
    transform(code, id) {
      if (!CSS_TAG.test(id)) return null
      let shortened = code
      for (const [long, short] of MESSAGES) {
        if (!shortened.includes(long))
          throw new Error(`lit-messages: Lit's css-tag.js no longer has ${long.slice(0, 40)}…`)
        shortened = shortened.replace(long, short)
      }
      // Only string literals change: the rest of the module keeps its code, and null keeps the
      // module's own source map (columns after the messages on their line shift a little).
      return {code: shortened, map: null}
    },
  }
}

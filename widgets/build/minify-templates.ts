// A Vite plugin that squeezes the whitespace out of the widgets' Lit templates (html``, css``) and
// GROQ queries (defineQuery(``)) before bundling: the minifier keeps template text verbatim, and
// the indentation alone costs the drop-in script about half a kilobyte gzipped.
import {transform as transformCss} from 'lightningcss'
import {parseSync, Visitor, type Plugin} from 'vite'

interface Span {
  start: number
  end: number
}

type Kind = 'html' | 'css' | 'groq'

/** Whitespace around punctuation never matters in CSS; comments go too. */
const squeezeCssFragment = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/([:,])\s+/g, '$1')

/** A whole style sheet through Lightning CSS (Vite's own CSS minifier). */
const minifyCss = (text: string) =>
  transformCss({
    filename: 'widget.css',
    code: new TextEncoder().encode(text),
    minify: true,
    // The browsers Lit 3 supports: no prefixes or fallbacks needed.
    targets: {chrome: 111 << 16, firefox: 113 << 16, safari: (16 << 16) | (4 << 8)},
  })
    .code.toString()
    .replace(/[`\\]/g, '\\$&')

/** How each kind of template text shrinks; `whole` when the template has no interpolations. */
const squeeze: Record<Kind, (text: string, whole: boolean) => string> = {
  // Line breaks and indentation become one space: HTML renders a run of whitespace as one space.
  html: (text) => text.replace(/\s*\n\s*/g, ' '),
  css: (text, whole) => (whole ? minifyCss(text) : squeezeCssFragment(text)),
  // GROQ needs spaces only between words (`$topic in tags`, `name asc`); strings stay as written.
  groq: (text) =>
    text
      .split(/("(?:[^"\\]|\\.)*")/)
      .map((part, i) =>
        i % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([^\w\s$@.]+) ?/g, '$1'),
      )
      .join(''),
}

function tagKind(name: string | undefined): Kind | undefined {
  if (name === 'html' || name === 'svg') return 'html'
  if (name === 'css') return 'css'
  if (name === 'defineQuery') return 'groq'
  return undefined
}

/** Rewrites the static parts of every html/css template and GROQ query in `code`. */
export function minifyTemplates(code: string, filename: string): string {
  const {program} = parseSync(filename, code, {lang: 'ts'})
  const edits: Array<Span & {kind: Kind; whole: boolean}> = []
  const collect = (kind: Kind | undefined, quasis: Array<Span & {value: {raw: string}}>) => {
    if (!kind) return
    for (const quasi of quasis) {
      // A quasi's span may include its delimiters (` or ${ }): edit only its raw text.
      const start = quasi.start + code.slice(quasi.start, quasi.end).indexOf(quasi.value.raw)
      edits.push({start, end: start + quasi.value.raw.length, kind, whole: quasis.length === 1})
    }
  }
  new Visitor({
    TaggedTemplateExpression(node) {
      const tag = node.tag.type === 'Identifier' ? node.tag.name : undefined
      collect(tagKind(tag), node.quasi.quasis)
    },
    CallExpression(node) {
      const callee = node.callee.type === 'Identifier' ? node.callee.name : undefined
      const [first] = node.arguments
      if (first?.type === 'TemplateLiteral' && tagKind(callee) === 'groq')
        collect('groq', first.quasis)
    },
  }).visit(program)
  let out = code
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out =
      out.slice(0, edit.start) +
      squeeze[edit.kind](out.slice(edit.start, edit.end), edit.whole) +
      out.slice(edit.end)
  return out
}

export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'clinic-kit:minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/widgets\/.*\.ts$/.test(id) || !/(html|css)`|defineQuery\(`/.test(code)) return null
      return {code: minifyTemplates(code, id), map: null}
    },
  }
}

// The page inside the preview's iframe: the partners' own drop-in script, one element, and a tiny
// bootstrap that takes the element's data from the Studio by postMessage, so a change re-renders
// the element without reloading the page (and the Studio never gets the widget's CSS).
import type {PreviewElement} from './previewData'

/** Messages between the Studio and the frame, told apart from others by this tag. */
export const FRAME_MESSAGE = 'ck-preview'

export type FrameMessage =
  | {source: typeof FRAME_MESSAGE; type: 'connect'; nonce: string}
  | {source: typeof FRAME_MESSAGE; type: 'ready'}
  | {source: typeof FRAME_MESSAGE; type: 'script-error'}
  | {source: typeof FRAME_MESSAGE; type: 'rendered'; count: number | null}
  | {source: typeof FRAME_MESSAGE; type: 'data'; data: unknown}
  | {source: typeof FRAME_MESSAGE; type: 'scheme'; scheme: ColorScheme}

/** The reader's light or dark setting the preview shows. */
export type ColorScheme = 'light' | 'dark'

/** The script that defines an element, as partners load it. */
export const scriptUrl = (widgetsUrl: string, element: PreviewElement): string =>
  `${widgetsUrl.replace(/\/+$/, '')}/${element}.iife.js`

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export interface FrameOptions {
  element: PreviewElement
  widgetsUrl: string
  /** Attributes that shape how the element shows its data (`lang`, `partner`, …). */
  attributes: Record<string, string>
  /** `<ck-faq>`: the questions (published ids) shown opened when the element first draws. */
  open?: string[]
  /** Proves the frame's own document to the Studio (`connectFrame`); new for every frame. */
  nonce: string
  /** The Studio's origin, the only one the frame's first message may go to. */
  parentOrigin: string
}

// Runs in the frame. The element is created on the first data, with its data set before it
// connects, so it never asks the lake itself (docs/widgets-content-in.md).
//
// Messages: the frame's document hands its parent (at the Studio's origin) one end of a
// MessageChannel with the nonce, and everything after goes through that channel. A port belongs to
// the document that made it, so if the frame ever showed another page, that page would neither
// receive the drafts nor know the nonce to connect. Links open in a new tab (noopener), never in
// the frame; links within the page (`#…`) stay.
//
// Light / dark: an iframe's color-scheme does not reach its document's prefers-color-scheme in
// Chromium, and a page cannot set that preference. So the frame answers each
// `(prefers-color-scheme: …)` in the widgets' own style sheets (and its own) as a reader with that
// setting would: the feature becomes always true or always false. The widgets' CSS is otherwise
// untouched; style sheets of elements drawn later are answered when they render.
const bootstrap = (
  element: PreviewElement,
  attributes: Record<string, string>,
  open: string[],
  nonce: string,
  parentOrigin: string,
) => `
(() => {
  const tag = ${JSON.stringify(FRAME_MESSAGE)};
  const channel = new MessageChannel();
  const post = (message) => channel.port1.postMessage({source: tag, ...message});
  parent.postMessage({source: tag, type: 'connect', nonce: ${JSON.stringify(nonce)}}, ${JSON.stringify(parentOrigin)}, [channel.port2]);
  document.addEventListener('click', (event) => {
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
    if (!link || link.getAttribute('href').startsWith('#')) return;
    event.preventDefault();
    if (/^(https?:|mailto:|tel:)/i.test(link.href)) window.open(link.href, '_blank', 'noopener');
  }, true);
  let el = null;
  let scheme = null;
  const original = new WeakMap();
  const feature = /\\(\\s*prefers-color-scheme\\s*:\\s*(light|dark)\\s*\\)/g;
  const answer = (root) => {
    const sheets = [...(root.adoptedStyleSheets || []), ...(root.styleSheets || [])];
    for (const sheet of sheets) {
      let rules;
      try { rules = sheet.cssRules; } catch { continue; }
      for (const rule of rules) {
        if (!(rule instanceof CSSMediaRule)) continue;
        const text = original.get(rule) ?? rule.media.mediaText;
        if (!text.includes('prefers-color-scheme')) continue;
        original.set(rule, text);
        rule.media.mediaText = text.replace(feature, (_, value) =>
          value === scheme ? '(min-width: 0px)' : '(max-width: -1px)');
      }
    }
    for (const node of root.querySelectorAll('*')) if (node.shadowRoot) answer(node.shadowRoot);
  };
  const applyScheme = () => {
    if (!scheme) return;
    document.documentElement.style.colorScheme = scheme;
    answer(document);
  };
  channel.port1.onmessage = (event) => {
    const message = event.data;
    if (!message || message.source !== tag) return;
    if (message.type === 'scheme') {
      scheme = message.scheme === 'dark' ? 'dark' : 'light';
      applyScheme();
      return;
    }
    if (message.type !== 'data') return;
    if (!el) {
      el = document.createElement(${JSON.stringify(element)});
      for (const [name, value] of Object.entries(${JSON.stringify(attributes)})) el.setAttribute(name, value);
      el.data = message.data;
      const opened = ${JSON.stringify(open)};
      if (opened.length) el.open = new Set(opened);
      document.body.append(el);
    } else el.data = message.data;
    applyScheme();
    requestAnimationFrame(applyScheme);
  };
  document.addEventListener('ck-load', (event) => {
    applyScheme();
    post({type: 'rendered', count: typeof event.detail?.count === 'number' ? event.detail.count : null});
  });
  window.__ckScriptLoaded = () => customElements.whenDefined(${JSON.stringify(element)}).then(() => post({type: 'ready'}));
  window.__ckScriptFailed = () => post({type: 'script-error'});
})();`

/** The frame's whole HTML document, for `<iframe srcdoc>`. */
export function frameHtml(options: FrameOptions): string {
  const {element, widgetsUrl, attributes, open = [], nonce, parentOrigin} = options
  const shown = Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== ''))
  // "</" could end the inline script early: JSON has no other way to close it.
  const script = bootstrap(element, shown, open, nonce, parentOrigin).replace(/<\//g, '<\\/')
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<style>body{margin:0;padding:16px;font-family:system-ui,sans-serif;background:Canvas;color:CanvasText}</style>
<script>${script}</script>
<script src="${attribute(scriptUrl(widgetsUrl, element))}" onload="__ckScriptLoaded()" onerror="__ckScriptFailed()"></script>
</head>
<body></body>
</html>`
}

/** Whether a window message is one of the frame's. */
export function isFrameMessage(value: unknown): value is FrameMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as {source?: unknown}).source === FRAME_MESSAGE
  )
}

export interface FrameConnection {
  /** Sends to the frame's own document, once it has connected; before that, nothing. */
  post(message: {type: 'data'; data: unknown} | {type: 'scheme'; scheme: ColorScheme}): void
  close(): void
}

/**
 * The Studio's side of the frame made by `frameHtml` with `nonce`: takes the channel the frame's
 * document offers with that nonce (from that iframe only) and talks through it alone.
 */
export function connectFrame(
  frame: () => HTMLIFrameElement | null,
  nonce: string,
  onMessage: (message: FrameMessage) => void,
): FrameConnection {
  let port: MessagePort | null = null
  const onWindowMessage = (event: MessageEvent) => {
    const data = event.data as {type?: unknown; nonce?: unknown}
    if (event.source === null || event.source !== frame()?.contentWindow) return
    if (!isFrameMessage(data) || data.type !== 'connect' || data.nonce !== nonce) return
    if (!event.ports[0]) return
    port?.close()
    port = event.ports[0]
    port.onmessage = (message) => {
      if (isFrameMessage(message.data)) onMessage(message.data)
    }
  }
  window.addEventListener('message', onWindowMessage)
  return {
    post: (message) => port?.postMessage({source: FRAME_MESSAGE, ...message}),
    close() {
      window.removeEventListener('message', onWindowMessage)
      port?.close()
    },
  }
}

/** A fresh nonce for a frame. */
export const frameNonce = (): string => crypto.randomUUID()

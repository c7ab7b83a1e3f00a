// The converter's context in the browser: DOMParser for HTML and WordPress XML (a malformed
// export is reported by the WXR reader, from DOMParser's <parsererror>), and no file reader,
// since a pasted page's local images are not reachable from here: they become warnings.
import type {ConvertContext, Topic} from '../../importer'

export function browserContext(extra: {topics?: Topic[]; publisher?: string} = {}): ConvertContext {
  const parser = new DOMParser()
  return {
    parseHtml: (html) => parser.parseFromString(html, 'text/html'),
    parseXml: (xml) => parser.parseFromString(xml, 'application/xml'),
    ...extra,
  }
}

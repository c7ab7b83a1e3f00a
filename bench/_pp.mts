import {readNdjson} from '../content/validate'
import {SAMPLE_PATH} from '../content/build'
import {buildPreviewData, previewSpec} from '../studio/views/preview/previewData'
const docs = readNdjson(SAMPLE_PATH) as any[]
const faq = docs.find((d) => d._id === 'faq-what-helps-minor-headaches')
const types = previewSpec(faq)!.types
const local = docs.filter((d) => types.includes(d._type))
console.log('local docs', local.length)
for (let i = 0; i < 8; i++) {
  const t = performance.now(); await buildPreviewData(local, {...faq, _id: 'drafts.' + faq._id, question: faq.question + i}); console.log((performance.now() - t).toFixed(1))
}

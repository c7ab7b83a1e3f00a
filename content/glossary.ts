// Sample glossary terms, as documents for the dataset: jargon the sample articles and FAQs use,
// each with the plain word to write instead. Wire them in with `...glossaryTerms` in the list
// buildSampleDataset (content/dataset.ts) returns, then run `npm run content:build`.
import type {GlossaryTerm} from '../sanity.types'

type GlossaryTermSource = Pick<
  GlossaryTerm,
  '_id' | '_type' | 'term' | 'plainAlternative' | 'definition' | 'language'
>

export const glossaryTerms: GlossaryTermSource[] = [
  {
    _id: 'glossary-analgesic',
    _type: 'glossaryTerm',
    term: 'analgesic',
    plainAlternative: 'pain reliever',
    definition: 'A medicine that eases pain, such as ibuprofen or acetaminophen.',
    language: 'en',
  },
  {
    _id: 'glossary-prophylaxis',
    _type: 'glossaryTerm',
    term: 'prophylactic treatment',
    plainAlternative: 'preventive treatment',
    definition: 'Treatment taken regularly to stop headaches before they start.',
    language: 'en',
  },
  {
    _id: 'glossary-cefalea',
    _type: 'glossaryTerm',
    term: 'cefalea',
    plainAlternative: 'dolor de cabeza',
    definition: 'El nombre médico del dolor de cabeza.',
    language: 'es',
  },
]

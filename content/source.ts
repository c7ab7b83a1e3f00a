// Our own part of the sample dataset: everything that is not the seed article's text.
// Medical facts beyond the seed carry a source (WHO, FDA, International Headache Society).
import {SITE_SETTINGS_ID, SITE_SETTINGS_TYPE} from '../model/constants'
import {blocks, ref, type Passage} from './portableText'

export const IDS = {
  article: 'article-prevent-headaches-with-botox',
  clinic: 'clinic-allied-pain-spine',
  clinician: 'clinician-sloane-yu',
  chronicMigraine: 'condition-chronic-migraine',
  headacheDisorders: 'condition-headache-disorders',
  botox: 'treatment-botox-chronic-migraine',
  partnerRiverbend: 'partner-riverbend-family-medicine',
  partnerLakeshore: 'partner-lakeshore-community-health',
  settings: SITE_SETTINGS_ID,
} as const

const ACCESSED_AT = '2026-11-02'

export const SOURCES = {
  seed: {
    _key: 'seed-article',
    _type: 'citation',
    title: 'You Can Prevent Headaches with Botox',
    publisher: 'Allied Pain & Spine Institute',
  },
  who: {
    _key: 'who-headache-disorders',
    _type: 'citation',
    title: 'Headache disorders (fact sheet)',
    publisher: 'World Health Organization',
    url: 'https://www.who.int/news-room/fact-sheets/detail/headache-disorders',
    accessedAt: ACCESSED_AT,
  },
  fda: {
    _key: 'fda-botox-chronic-migraine-2010',
    _type: 'citation',
    title: 'FDA approves Botox to treat chronic migraine',
    publisher: 'U.S. Food and Drug Administration',
    url: 'https://www.fda.gov/NewsEvents/Newsroom/PressAnnouncements/ucm229782.htm',
    publishedAt: '2010-10-15',
    accessedAt: ACCESSED_AT,
  },
  ichd: {
    _key: 'ichd3-chronic-migraine',
    _type: 'citation',
    title: 'ICHD-3: 1.3 Chronic migraine',
    publisher: 'International Headache Society',
    url: 'https://ichd-3.org/1-migraine/1-3-chronic-migraine/',
    accessedAt: ACCESSED_AT,
  },
} as const

/** Dr. Sloane Yu approved the article and every FAQ, signed in as her linked Studio user. */
export const sampleApprover = {
  clinicianId: IDS.clinician,
  name: 'Dr. Sloane Yu',
  userId: 'clinician-sloane-yu',
  at: '2026-11-02T15:30:00Z',
  nextReviewDue: '2027-11-02',
}

/** The article's own metadata; its title and body come from the seed. */
export const articleMeta = {
  _id: IDS.article,
  slug: {_type: 'slug', current: 'prevent-headaches-with-botox'},
  summary:
    'Botox injections can prevent chronic migraine attacks. Learn which headaches it helps and when to see a specialist.',
  author: ref(IDS.clinician),
  sources: [SOURCES.who, SOURCES.fda],
  conditions: [ref(IDS.chronicMigraine, true), ref(IDS.headacheDisorders, true)],
  treatments: [ref(IDS.botox, true)],
  audience: ['patients', 'caregivers'],
  language: 'en',
  seo: {_type: 'seo', title: 'Preventing headaches with Botox', noindex: false},
  publishedAt: '2026-11-03T09:00:00Z',
}

/** The sentence of the seed that the WHO source backs up gets a citation marker. */
export const articleCitations = [
  {
    phrase: 'according to the World Health Organization',
    markDef: {_type: 'citationMarker', sourceKey: SOURCES.who._key},
  },
]

export const clinic = {
  _id: IDS.clinic,
  _type: 'clinic',
  name: 'Allied Pain & Spine Institute',
  slug: {_type: 'slug', current: 'allied-pain-spine-institute'},
}

export const clinician = {
  _id: IDS.clinician,
  _type: 'clinician',
  honorificPrefix: 'Dr.',
  givenName: 'Sloane',
  familyName: 'Yu',
  credentials: ['MD'],
  slug: {_type: 'slug', current: 'sloane-yu'},
  jobTitle: 'Interventional pain medicine physician',
  specialties: ['Interventional pain medicine'],
  clinics: [ref(IDS.clinic, true)],
  languages: ['English'],
  acceptingNewPatients: true,
  canReview: true,
  linkedUser: sampleApprover.userId,
  bio: blocks(`${IDS.clinician}/bio`, [
    'Dr. Sloane Yu is an interventional pain medicine physician at Allied Pain & Spine Institute. She helps patients understand the many kinds of headache. People with migraine often get other kinds of headache too, and she helps them tell which is which.',
  ]),
}

export const conditions = [
  {
    _id: IDS.chronicMigraine,
    _type: 'condition',
    name: 'Chronic migraine',
    slug: {_type: 'slug', current: 'chronic-migraine'},
    alternateNames: ['Chronic migraines', 'Transformed migraine'],
    summary:
      'Migraine with headache on 15 or more days a month for more than three months, at least 8 of them with migraine features.',
    icd10: ['G43.7'],
    symptoms: ['Headache on most days of the month', 'Migraine attacks that disrupt daily life'],
    relatedTreatments: [ref(IDS.botox, true)],
  },
  {
    _id: IDS.headacheDisorders,
    _type: 'condition',
    name: 'Headache disorders',
    slug: {_type: 'slug', current: 'headache-disorders'},
    alternateNames: ['Headaches', 'Recurring headaches'],
    summary:
      'Headache disorders are among the most common disorders of the nervous system, and most headaches are not serious.',
    icd10: ['G44', 'R51.9'],
    relatedTreatments: [ref(IDS.botox, true)],
  },
]

export const treatment = {
  _id: IDS.botox,
  _type: 'treatment',
  name: 'Botox injections for chronic migraine',
  slug: {_type: 'slug', current: 'botox'},
  kind: 'medication',
  genericName: 'onabotulinumtoxinA',
  brandName: 'Botox',
  conditions: [ref(IDS.chronicMigraine, true)],
  summary:
    'Injections around the head and neck, given about every 12 weeks, to help prevent headaches in adults with chronic migraine.',
  frequency: 'About every 12 weeks',
}

interface FaqSource {
  id: string
  question: string
  answer: Passage[]
  category: 'conditions' | 'treatments' | 'appointments' | 'insurance-and-cost'
  conditions: string[]
  treatments?: string[]
  sources: Array<(typeof SOURCES)[keyof typeof SOURCES]>
  orderRank: string
  language?: 'en' | 'es'
  translationOf?: string
  syndication?: {mode: 'all' | 'own'} | {mode: 'selected'; partners: string[]}
}

export const faqSources: FaqSource[] = [
  {
    id: 'faq-which-headaches-can-botox-help',
    question: 'What types of headaches can Botox help?',
    answer: [
      'Botox can help people with chronic migraine. Chronic migraines are the most painful kind of headache, and they can affect your whole life. Regular Botox injections can help prevent migraine attacks from happening.',
    ],
    category: 'treatments',
    conditions: [IDS.chronicMigraine],
    treatments: [IDS.botox],
    sources: [SOURCES.seed, SOURCES.fda],
    orderRank: '0010',
  },
  {
    id: 'faq-what-is-chronic-migraine',
    question: 'What is chronic migraine?',
    answer: [
      'Chronic migraine means you have migraine symptoms on many days of the month. Doctors call it chronic when you have a headache on 15 or more days a month for over three months, and at least 8 of those days have migraine features.',
    ],
    category: 'conditions',
    conditions: [IDS.chronicMigraine],
    sources: [SOURCES.seed, SOURCES.ichd],
    orderRank: '0020',
  },
  {
    id: 'faq-how-does-botox-relieve-headache-pain',
    question: 'How does Botox relieve headache pain?',
    answer: [
      'Botox relaxes the muscles that add to the pain. For chronic migraine, a doctor gives several small shots around the head and neck. The shots are repeated about every 12 weeks to help prevent future headaches.',
    ],
    category: 'treatments',
    conditions: [IDS.chronicMigraine],
    treatments: [IDS.botox],
    sources: [SOURCES.seed, SOURCES.fda],
    orderRank: '0030',
  },
  {
    id: 'faq-when-to-see-a-headache-specialist',
    question: 'When should I see a specialist about my headaches?',
    answer: [
      'See a specialist if your headaches come often or are so bad that they stop you from doing daily things. Frequent, severe headaches can hurt your work, your relationships and your quality of life. Our team can help you find the cause and a plan that works.',
    ],
    category: 'appointments',
    conditions: [IDS.headacheDisorders, IDS.chronicMigraine],
    sources: [SOURCES.seed],
    orderRank: '0040',
    syndication: {mode: 'selected', partners: [IDS.partnerRiverbend]},
  },
  {
    id: 'faq-is-every-headache-a-migraine',
    question: 'If I have migraines, is every headache I get a migraine?',
    answer: [
      'No. Many people think that once you have migraines, all your headaches must be migraines. Dr. Sloane Yu explains that people with migraine often get other types of headache too. Having migraine does not protect you from the many other headache disorders.',
    ],
    category: 'conditions',
    conditions: [IDS.chronicMigraine, IDS.headacheDisorders],
    sources: [SOURCES.seed],
    orderRank: '0050',
  },
  {
    id: 'faq-what-helps-minor-headaches',
    question: 'What helps a minor headache?',
    answer: [
      'Most headaches do not need a doctor. These steps help most minor headaches:',
      {
        bullets: [
          'Drink plenty of water.',
          'Get some rest.',
          'Take a pain reliever such as ibuprofen.',
        ],
      },
    ],
    category: 'treatments',
    conditions: [IDS.headacheDisorders],
    sources: [SOURCES.seed],
    orderRank: '0060',
  },
  {
    id: 'faq-are-headaches-common',
    question: 'Are headaches common?',
    answer: [
      'Yes. Most people get a headache at some time in their lives. The World Health Organization lists headache disorders among the most common disorders of the nervous system.',
    ],
    category: 'conditions',
    conditions: [IDS.headacheDisorders],
    sources: [SOURCES.seed, SOURCES.who],
    orderRank: '0070',
  },
  {
    id: 'faq-is-botox-approved-for-chronic-migraine',
    question: 'Is Botox approved for chronic migraine?',
    answer: [
      'Yes. The U.S. Food and Drug Administration (FDA) approved Botox in 2010. It is approved to prevent headaches in adults with chronic migraine.',
    ],
    category: 'treatments',
    conditions: [IDS.chronicMigraine],
    treatments: [IDS.botox],
    sources: [SOURCES.fda],
    orderRank: '0080',
    syndication: {mode: 'own'},
  },
  {
    id: 'faq-which-headaches-can-botox-help-es',
    question: '¿Qué tipos de dolor de cabeza puede ayudar a tratar el Botox?',
    answer: [
      'El Botox puede ayudar a las personas con migraña crónica. La migraña crónica es el tipo de dolor de cabeza más doloroso y puede afectar toda su vida. Las inyecciones regulares de Botox pueden ayudar a prevenir los ataques de migraña.',
    ],
    category: 'treatments',
    conditions: [IDS.chronicMigraine],
    treatments: [IDS.botox],
    sources: [SOURCES.seed, SOURCES.fda],
    orderRank: '0010',
    language: 'es',
    translationOf: 'faq-which-headaches-can-botox-help',
  },
  {
    id: 'faq-what-is-chronic-migraine-es',
    question: '¿Qué es la migraña crónica?',
    answer: [
      'La migraña crónica significa que usted tiene síntomas de migraña muchos días del mes. Los médicos la llaman crónica cuando tiene dolor de cabeza 15 días o más al mes durante más de tres meses, y al menos 8 de esos días tienen rasgos de migraña.',
    ],
    category: 'conditions',
    conditions: [IDS.chronicMigraine],
    sources: [SOURCES.seed, SOURCES.ichd],
    orderRank: '0020',
    language: 'es',
    translationOf: 'faq-what-is-chronic-migraine',
  },
]

export const partners = [
  {
    _id: IDS.partnerRiverbend,
    _type: 'partner',
    name: 'Riverbend Family Medicine',
    slug: {_type: 'slug', current: 'riverbend-family-medicine'},
    allowedOrigins: ['https://www.riverbend-family.example', 'http://localhost:5173'],
    scope: {_type: 'object', faqCategories: ['conditions', 'treatments', 'appointments']},
    theme: {
      _type: 'themeTokens',
      colorPrimary: '#0f6e5a',
      colorOnPrimary: '#ffffff',
      colorText: '#1d2b28',
      colorBackground: '#f4faf8',
      fontFamily: 'Georgia, "Times New Roman", serif',
      radius: 12,
    },
    attribution: {
      _type: 'object',
      text: 'Medically reviewed content from Allied Pain & Spine Institute',
      url: 'https://www.example.com/allied-pain-spine-institute',
    },
    language: 'en',
  },
  {
    _id: IDS.partnerLakeshore,
    _type: 'partner',
    name: 'Lakeshore Community Health',
    slug: {_type: 'slug', current: 'lakeshore-community-health'},
    allowedOrigins: ['https://lakeshore-health.example'],
    scope: {_type: 'object', conditions: [ref(IDS.chronicMigraine, true)]},
    theme: {
      _type: 'themeTokens',
      colorPrimary: '#6b2fa3',
      colorOnPrimary: '#ffffff',
      colorText: '#231a2e',
      colorBackground: '#ffffff',
      fontFamily: 'system-ui, sans-serif',
      radius: 2,
    },
    attribution: {
      _type: 'object',
      text: 'Información de salud revisada por Allied Pain & Spine Institute',
      url: 'https://www.example.com/allied-pain-spine-institute',
    },
    language: 'es',
  },
]

export const siteSettings = {
  _id: IDS.settings,
  _type: SITE_SETTINGS_TYPE,
  organization: ref(IDS.clinic),
  disclaimer:
    'This information is for education only and is not a substitute for advice from your own doctor. If you think you have a medical emergency, call 911.',
  reviewIntervalMonths: 12,
  fourEyesReview: true,
  languages: ['en', 'es'],
}

// The schema options clinic-kit adds to Sanity's. A field only sets them; the Studio plugin named
// beside each reads them, so schemas hold no components of their own.
//
// `readability: true` marks a patient text (a `text` field or rich text): the readability panel
// shows under it (studio/readability). Declared on StringOptions (which `text` fields use) so
// `defineField` accepts it; rich-text fields set it on the field object.
declare module 'sanity' {
  interface StringOptions {
    readability?: boolean
  }
}

export {}

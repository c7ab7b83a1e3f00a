// The events every widget fires, for partners' analytics and the React wrappers' types.

/** `ck-load`: content arrived. FAQs and clinician lists report how many they show. */
export type CkLoadEvent = CustomEvent<{count?: number; id?: string | null}>

/** `ck-error`: content could not be loaded; the element shows its error state. */
export type CkErrorEvent = CustomEvent<{message: string}>

/** `ck-faq-toggle`: a question opened or closed. */
export type CkFaqToggleEvent = CustomEvent<{id: string; question: string; open: boolean}>

declare global {
  interface HTMLElementEventMap {
    'ck-load': CkLoadEvent
    'ck-error': CkErrorEvent
    'ck-faq-toggle': CkFaqToggleEvent
  }
}

// The @clinic-kit/widgets version this build came from (its package.json), stamped in by the
// build so a partner page can report which version it runs; unbuilt sources (tests) say 'dev'.
declare const __CK_VERSION__: string | undefined

export const version: string = typeof __CK_VERSION__ === 'string' ? __CK_VERSION__ : 'dev'

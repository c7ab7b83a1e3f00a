// Which Sanity project and dataset the Studio edits. The CLI and the Studio bundle both expose
// SANITY_STUDIO_* variables to this code.
export const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'clinickit'
export const dataset = process.env.SANITY_STUDIO_DATASET || 'production'

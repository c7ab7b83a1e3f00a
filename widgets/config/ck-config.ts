// <ck-config>: page-wide settings as markup. Elements read the first one on the page when they load
// (widgets/content/config.ts), below their own attributes and above clinicKit.configure().

/**
 * @summary Where every clinic-kit element on the page reads content from, and in which language.
 * It shows nothing.
 * @element ck-config
 *
 * @attr project-id - Sanity project ID (default `clinickit`).
 * @attr dataset - Dataset (default `production`).
 * @attr api-version - Content API version (default `2025-02-19`).
 * @attr api-host - The content service: the lake's URL (default `http://127.0.0.1:3030`) or
 *   `hosted` for `https://<project-id>.apicdn.sanity.io`.
 * @attr lang - `en` or `es`: content and UI language for elements without their own `lang`.
 * @attr partner - Partner clinic slug for every `<ck-faq>` without its own `partner`.
 * @attr cache - `persist`: every element shows its last answer from localStorage first.
 */
export class CkConfig extends HTMLElement {
  connectedCallback(): void {
    this.hidden = true
  }
}

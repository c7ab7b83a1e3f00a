// Registers a tag unless something already holds it: two copies of the kit on one page, or a
// page's own element of the same name, never throw. Every entry point registers through this.

export function defineElement(
  tag: string,
  element: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  if (!registry.get(tag)) registry.define(tag, element)
}

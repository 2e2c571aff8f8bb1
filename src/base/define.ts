/** The version of this copy of xc-elements (kept in step with package.json by a test). */
export const XC_VERSION = '0.1.0';

type XcConstructor = CustomElementConstructor & { xcVersion?: string };

/**
 * Define a custom element once. A page that loads two bundles of xc-elements (say the
 * standalone script and a portal's own build) must not throw "already defined":
 * the first definition wins, and a different version is reported once on the console.
 * @returns the constructor that is registered under `tag`.
 */
export function defineElement(tag: string, ctor: XcConstructor): CustomElementConstructor {
  const registry = globalThis.customElements;
  const existing = registry.get(tag) as XcConstructor | undefined;
  if (existing) {
    if (existing !== ctor && existing.xcVersion !== XC_VERSION) {
      console.warn(`[xc-elements] <${tag}> is already defined by version ${existing.xcVersion ?? '(unknown)'}; version ${XC_VERSION} left it in place.`);
    }
    return existing;
  }
  ctor.xcVersion = XC_VERSION;
  registry.define(tag, ctor);
  return ctor;
}

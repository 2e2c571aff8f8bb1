import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Set CSS properties on an element through the CSSOM only (`<span ${setStyle({ width: '40%' })}>`).
 * Lit's `styleMap` writes a `style="…"` attribute on its first render, which a strict
 * Content-Security-Policy (`style-src 'self'`, no `'unsafe-inline'`) blocks; CSSOM writes are allowed.
 * Properties left out of a later call are removed.
 * @internal
 */
class SetStyle extends Directive {
  private _names = new Set<string>();
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('setStyle() is an element directive');
  }
  render(_props: Record<string, string>) {
    return nothing;
  }
  override update(part: ElementPart, [props]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this._names) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this._names = new Set(Object.keys(props));
    return nothing;
  }
}

export const setStyle = directive(SetStyle);

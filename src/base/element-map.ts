/**
 * `mapElement(map, key)`: an element directive that keeps `map.get(key)` pointing at the element
 * while it is in the rendered template (O(1) lookups, no querySelector), and takes it out when
 * the element leaves (its part is cleared, or the host leaves the document), so a map never
 * keeps elements of an old list alive. A key that changes moves the entry.
 */
import { nothing } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class MapElement extends AsyncDirective {
  private _map?: Map<string, Element>;
  private _key?: string;
  private _element?: Element;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('mapElement() is an element directive');
  }

  render(_map: Map<string, Element>, _key: string) {
    return nothing;
  }

  override update(part: ElementPart, [map, key]: [Map<string, Element>, string]) {
    if (this._map !== map || this._key !== key) this._leave();
    this._map = map;
    this._key = key;
    this._element = part.element;
    if (this.isConnected) map.set(key, part.element);
    return nothing;
  }

  private _leave(): void {
    if (this._map && this._key !== undefined && this._map.get(this._key) === this._element) this._map.delete(this._key);
  }

  protected override disconnected(): void {
    this._leave();
  }

  protected override reconnected(): void {
    if (this._map && this._key !== undefined && this._element) this._map.set(this._key, this._element);
  }
}

/** Keep `map.get(key)` pointing at this element while it is rendered. */
export const mapElement = directive(MapElement);

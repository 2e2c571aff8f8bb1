/** Measuring helpers shared by the bench pages (they run inside headless Chromium). */

/** The next frame after a task: requestAnimationFrame, then a task. */
export const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Force a GC where the page was started with --expose-gc. */
export const gc = () => (window as unknown as { gc?: () => void }).gc?.();

/**
 * Memory of the page: measureUserAgentSpecificMemory() counts the DOM as well as the
 * JS heap (the page is cross-origin isolated for it); else the JS heap only.
 */
export async function heap(): Promise<number> {
  const p = performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>; memory: { usedJSHeapSize: number } };
  if (p.measureUserAgentSpecificMemory && (globalThis as unknown as { crossOriginIsolated?: boolean }).crossOriginIsolated) {
    return (await p.measureUserAgentSpecificMemory()).bytes;
  }
  gc();
  return p.memory.usedJSHeapSize;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

/** Escape text for the floor's HTML strings. */
export const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

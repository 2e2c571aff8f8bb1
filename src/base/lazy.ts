/**
 * Lazy chunks, loaded once: `lazy(() => import('./x.js'))` gives a function that starts the
 * import the first time it is called and returns the same promise after that. A load that
 * fails (a network hiccup on an intranet) is forgotten, so the next call tries again instead of
 * failing for the rest of the page's life. Every element loads its optional code this way.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = null;
      throw e;
    });
    return pending;
  };
}

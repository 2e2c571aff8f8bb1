/**
 * Simplified Chinese strings of the watermark (`<xc-provider watermark>`) only. They join the
 * locale registry when the watermark's code loads (src/base/watermark.ts), so pages without a
 * watermark do not carry them.
 */
const watermarkZhCN = {
  /** The text of each tile: who is viewing, and when. */
  watermarkText: (name: string, when: string) => (name ? `${name} ${when}` : when),
  /** Said once (visually hidden) where a read-only view carries a watermark; the tiles themselves are hidden from screen readers. */
  watermarkNote: (text: string) => `本页带有水印：${text}`,
};

export type WatermarkMessages = typeof watermarkZhCN;
export default watermarkZhCN;

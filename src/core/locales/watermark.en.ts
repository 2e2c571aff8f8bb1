import type { WatermarkMessages } from './watermark.zh-CN.js';

/** English strings of the watermark only (loaded with English). */
const watermarkEn: WatermarkMessages = {
  watermarkText: (name: string, when: string) => (name ? `${name} ${when}` : when),
  watermarkNote: (text: string) => `This page carries a watermark: ${text}`,
};

export default watermarkEn;

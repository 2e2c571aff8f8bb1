import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for xc-elements.
 *
 * Before `storybook dev` / `storybook build`, run `node scripts/gen.mjs` (the stories import
 * element source from ../src, which imports src/generated/) and
 * `cem analyze --config custom-elements-manifest.config.mjs` (preview.ts reads ../custom-elements.json).
 *
 * Offline: telemetry and "what's new" notifications are off here; pass `--no-version-updates`
 * to `storybook dev` so it never asks storybook.js.org for a newer version.
 */

/** The part of Storybook's server channel used below. */
interface ServerChannel {
  on(event: string, listener: (...args: unknown[]) => void): void;
  emit(event: string, ...args: unknown[]): void;
  removeAllListeners(event?: string): void;
}

const config: StorybookConfig & { experimental_serverChannel?: (channel: ServerChannel) => Promise<ServerChannel> } = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // MDX pages and autodocs (stories opt in with `tags: ['autodocs']`).
  addons: ['@storybook/addon-docs'],
  docs: { defaultName: 'Docs' },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  // `disableWhatsNewNotifications` only hides the notice: in `storybook dev` the manager still asks
  // the server for the "what's new" post on every load, and the server fetches
  // https://storybook.js.org/whats-new/v1. Answer that request here without any network call.
  async experimental_serverChannel(channel) {
    channel.removeAllListeners('requestWhatsNewData');
    channel.on('requestWhatsNewData', () => channel.emit('resultWhatsNewData', { data: { status: 'ERROR' } }));
    return channel;
  },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\\/g, '/');
    return mergeConfig(viteConfig, {
      // The elements use TypeScript *experimental* decorators with `useDefineForClassFields: false`
      // (tsconfig.json). Vite's Oxc transform reads both from tsconfig.json; they are also set here
      // so that no default can turn them into standard decorators or [[Define]] class fields
      // (either would leave raw `@` syntax or shadow Lit's reactive accessors).
      oxc: {
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
      plugins: [
        {
          // package.json `sideEffects` lists only ./dist files, so the bundler would treat
          // `import '../src/checklist/index.js'` as pure and drop it, and with it the
          // `defineElement()` registration. Source and stories do have side effects.
          name: 'xc-source-has-side-effects',
          transform(_code: string, id: string) {
            const file = id.split('?')[0]!.replace(/\\/g, '/');
            if (file.startsWith(`${root}src/`) || file.startsWith(`${root}stories/`)) return { moduleSideEffects: true };
            return null;
          },
        },
      ],
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;

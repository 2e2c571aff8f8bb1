// Test-runner server side of the browser's real file chooser (puppeteer's waitForFileChooser):
//  - 'xc-file-chooser-arm': from now on, the next file chooser the page opens is intercepted;
//  - 'xc-file-chooser-accept' { files: [{ name, base64 }] }: waits for that chooser and picks
//    the files (written to a temporary folder first), as a person choosing them would.
// A test arms, presses Enter on the element's button with sendKeys, then accepts.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function fileChooserPlugin() {
  /** @type {Map<string, Promise<any>>} */
  const armed = new Map();
  return {
    name: 'xc-file-chooser',
    async executeCommand({ command, payload, session }) {
      if (command === 'xc-file-chooser-arm') {
        const page = session.browser.getPage(session.id);
        const waiting = page.waitForFileChooser({ timeout: 10000 });
        waiting.catch(() => undefined);
        armed.set(session.id, waiting);
        // waitForFileChooser turns interception on with a protocol message it does not wait for;
        // a round trip on the same connection after it makes sure it is on before the test presses Enter.
        await page.evaluate(() => 0);
        return true;
      }
      if (command === 'xc-file-chooser-accept') {
        const waiting = armed.get(session.id);
        armed.delete(session.id);
        if (!waiting) throw new Error('xc-file-chooser-accept without xc-file-chooser-arm');
        const chooser = await waiting;
        const dir = await mkdtemp(join(tmpdir(), 'xc-chooser-'));
        const paths = [];
        for (const f of /** @type {{files: {name: string, base64: string}[]}} */ (payload).files) {
          const p = join(dir, f.name);
          await writeFile(p, Buffer.from(f.base64, 'base64'));
          paths.push(p);
        }
        await chooser.accept(paths);
        return { multiple: chooser.isMultiple() };
      }
      return undefined;
    },
  };
}

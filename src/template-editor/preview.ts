/**
 * The live preview of <xc-template-editor>: a reactive controller that hands the real
 * <xc-checklist> (loaded after the editor's first frame) the template at most once a frame — a
 * big template only after a pause in the typing — and the preview column it renders, with its own
 * language switch. Events of the preview stop at the preview: its answers are not the host's.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { lazy } from '../base/lazy.js';
import type { ChecklistTemplate, ChecklistTemplateSource } from '../core/checklist.js';
import { LANGS, type Lang } from './outline.js';
import type { TM } from './view.js';

/** The preview: the real <xc-checklist>, loaded after the editor's first frame. */
const loadPreview = lazy(() => import('../checklist/index.js'));

/** Check points above which the preview waits for a pause in the typing (showing a bigger template again takes the checklist more than a frame). */
const BIG_TEMPLATE = 300;
/** The pause (ms) after the last change before a big template's preview follows. */
const TYPING_PAUSE = 300;

/** What the preview reads from the element. */
export interface PreviewHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The template as written (what the preview shows). */
  readonly value: ChecklistTemplateSource;
}

type Checklist = HTMLElement & { template?: unknown; updateComplete?: Promise<unknown> };

/** A language switch (radio buttons in a fieldset), for the editing and the preview language. */
export function renderLangSwitch(t: TM, name: string, legend: string, current: Lang, set: (l: Lang) => void): TemplateResult {
  return html`<fieldset class="langs">
    <legend>${legend}</legend>
    ${LANGS.map(
      (l) => html`<label lang=${l}><input type="radio" name="te-${name}-lang" value=${l} .checked=${current === l} @change=${() => set(l)} />${l === 'en' ? t.teLangEn : t.teLangZh}</label>`,
    )}
  </fieldset>`;
}

/** Stop an event of the preview at the preview: its answers are the preview's own business, not the host's. */
function stop(e: Event): void {
  e.stopPropagation();
}

/** When and what the preview shows. */
export class PreviewController implements ReactiveController {
  /** The language chosen under 预览语言 ('' : the element's). */
  lang: Lang | '' = '';
  private ready = false;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private template: ChecklistTemplateSource | null = null;

  constructor(private readonly host: PreviewHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
  }

  /** After the editor's first frame: what it shows now, and the checklist loads. */
  start(): void {
    this.template = this.host.value;
    void loadPreview().then(() => {
      this.ready = true;
      this.host.requestUpdate();
    }, () => undefined);
  }

  /**
   * Hand the preview the template at most once a frame (a keystroke stays fast). A big template
   * (over {@link BIG_TEMPLATE} check points) costs the preview more than a frame to show again, so
   * it waits for a pause in the typing instead: the keystrokes stay within a frame and the preview
   * follows when the person stops.
   */
  schedule(current: ChecklistTemplate): void {
    const points = current.sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.items.length, 0), 0);
    const big = points > BIG_TEMPLATE;
    if (!big && (this.frame || this.timer)) return;
    const run = () => {
      cancelAnimationFrame(this.frame);
      clearTimeout(this.timer);
      this.frame = 0;
      this.timer = undefined;
      this.template = this.host.value;
      const el = this.host.renderRoot?.querySelector('xc-checklist') as Checklist | null;
      if (el) el.template = this.template;
    };
    if (big) {
      cancelAnimationFrame(this.frame);
      clearTimeout(this.timer);
      this.frame = 0;
      this.timer = setTimeout(run, TYPING_PAUSE);
      return;
    }
    this.frame = requestAnimationFrame(run);
    // A page in a background tab gets no frames: the preview still follows.
    this.timer = setTimeout(run, 200);
  }

  /** Resolves when the preview shows the template as it is now. */
  get updated(): Promise<void> {
    return new Promise<void>((resolve) => {
      // Timers, not frames: a page in a background tab gets no frames.
      const check = () => (this.frame || this.timer ? setTimeout(check, 16) : resolve());
      check();
    }).then(async () => {
      const el = this.host.renderRoot.querySelector('xc-checklist') as Checklist | null;
      await el?.updateComplete;
    });
  }

  /** The preview column: its heading, 预览语言 and the checklist (or that it is loading). */
  render(t: TM, lang: Lang): TemplateResult {
    return html`<aside class="preview" part="preview" aria-labelledby="te-preview-title">
      <h3 id="te-preview-title">${t.tePreview}</h3>
      ${renderLangSwitch(t, 'preview', t.tePreviewLang, lang, (l) => {
        this.lang = l;
        this.host.requestUpdate();
      })}
      <div class="preview-body" @xc-change=${stop} @xc-submit=${stop} @xc-invalid=${stop} @xc-load=${stop} @xc-error=${stop} @xc-export=${stop} @xc-clues=${stop} @xc-review=${stop} @xc-sign=${stop}>
        ${this.ready
          ? html`<xc-checklist .template=${this.template ?? this.host.value} lang=${lang} no-submit-button></xc-checklist>`
          : html`<p class="hint">${t.tePreviewLoading}</p>`}
      </div>
    </aside>`;
  }
}

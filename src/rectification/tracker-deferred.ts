/**
 * What the ledger element loads after its first frame, and its state: the summary's
 * counting with its charts, the ledger schema's check, the CSV writer and — for a ledger that
 * names 验收 parties — the rules of multi-party 验收. None of them is needed to read or work the
 * table. Each load that fails is tried again next time; `settle()` lets the element's
 * `updateComplete` wait for what has begun loading, so that `validate()` after it reports what
 * the schema says and the figures shown are counted.
 */
import { lazy } from '../base/lazy.js';
import { loadSchemaCheck, type SchemaCheck } from './tracker-validation.js';
import type { Summariser } from './tracker-figures.js';

/** The rules of multi-party 验收: only for a ledger that names parties. */
const loadAcceptance = lazy(() => import('../core/rectification/acceptance.js'));
/** The CSV writer: not needed for the first frame. */
const loadCsv = lazy(() => import('../core/rectification/csv.js'));
/** The summary charts (registered once, with their styles) and the counting of their figures. */
const loadSummary = lazy(() =>
  Promise.all([import('./xc-rectification-summary.js'), import('./xc-rectification-summary.styles.js')]).then(([m, s]) => ({
    adopt: (root: ShadowRoot | null) => m.adoptSheet(root, s.summaryStyles),
    summarise: m.ledgerSummary,
  })),
);

/** What the element does when a piece arrives. */
export interface DeferredOptions {
  /** Whether the ledger shown names 验收 parties (then their rules load). */
  parties(): boolean;
  /** The counting of the figures has come, with the charts. */
  summary(fn: Summariser): void;
  /** The schema check has come: the form's validity follows it. */
  schema(): void;
}

export class TrackerDeferred {
  /** Settles when the loads after the first frame have begun (a timer after it). */
  firstFrame: Promise<void> | null = null;
  /** The ledger schema's check, once loaded. */
  schemaCheck: SchemaCheck | null = null;
  /** The rules of multi-party 验收, once loaded (only for a ledger that names parties). */
  acceptance: typeof import('../core/rectification/acceptance.js') | null = null;
  /** The CSV writer, once loaded. */
  csv: typeof import('../core/rectification/csv.js') | null = null;
  /** Each piece while it loads (null before it was asked for, and after a failure). */
  private schemaReady: Promise<void> | null = null;
  private acceptanceReady: Promise<void> | null = null;
  csvReady: Promise<void> | null = null;
  private summaryLoading: Promise<unknown> | null = null;

  constructor(
    private readonly host: { readonly shadowRoot: ShadowRoot | null; readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly options: DeferredOptions,
  ) {}

  /** Called once the first frame is rendered: the rest follows in a timer. */
  start(): void {
    this.firstFrame = new Promise<void>((done) =>
      setTimeout(() => {
        done();
        this.summaryLoading ??= loadSummary()
          .then((m) => {
            m.adopt(this.host.shadowRoot);
            this.options.summary(m.summarise);
          })
          .catch(() => undefined);
        void this.loadSchemaCheck();
        this.csvReady ??= loadCsv().then(
          (m) => void (this.csv = m),
          () => void (this.csvReady = null),
        );
        if (this.options.parties()) void this.loadAcceptance();
      }, 0),
    );
  }

  /** The 验收 rules (a ledger that names parties has come). */
  loadAcceptance(): Promise<void> {
    this.acceptanceReady ??= loadAcceptance().then(
      (m) => {
        this.acceptance = m;
      },
      () => {
        this.acceptanceReady = null;
      },
    );
    return this.acceptanceReady;
  }

  /** The ledger schema's validator and the message pipeline. */
  loadSchemaCheck(): Promise<void> {
    this.schemaReady ??= loadSchemaCheck().then(
      (check) => {
        this.schemaCheck = check;
        this.options.schema();
      },
      () => {
        // Could not load: validate with the workflow rules alone, and try again next time.
        this.schemaReady = null;
      },
    );
    return this.schemaReady;
  }

  /**
   * Wait for what has begun loading; `again` is the element's own update wait, run again after a
   * piece that asks for an update (the schema check, the figures with their charts).
   */
  async settle(result: boolean, again: () => Promise<boolean>): Promise<boolean> {
    if (this.acceptanceReady) await this.acceptanceReady;
    if (this.csvReady) await this.csvReady;
    if (this.schemaReady) {
      await this.schemaReady;
      result = await again();
    }
    if (this.summaryLoading) {
      await this.summaryLoading;
      // The figures are counted once the counting has come with the charts: the update it asked for, then the charts'.
      result = await again();
      await (this.host.renderRoot.querySelector('xc-rectification-summary') as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    }
    return result;
  }
}

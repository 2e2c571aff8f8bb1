// Evidence files in the records: a checklist finding's evidence and a ledger item's 佐证材料 offer
// 添加附件 when the provider has an attachment store, load <xc-attachments> lazily, and show file
// entries (name, type, size, open) in read-only views.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/checklist/index.js';
import '../../src/rectification/index.js';
import '../../src/interview/index.js';
import type { XcInterviewForm } from '../../src/interview/xc-interview-form.js';
import { verify } from '../../src/core/fingerprint.js';
import { filledInterview } from '../fixtures/records.js';
import '../../src/provider/index.js';
import type { XcChecklist } from '../../src/checklist/xc-checklist.js';
import type { XcRectificationTracker } from '../../src/rectification/xc-rectification-tracker.js';
import type { XcAttachments } from '../../src/attachments/xc-attachments.js';
import type { RectificationItem } from '../../src/core/rectification-types.js';
import type { AttachmentStore } from '../../src/core/attachment-types.js';
import { expectAccessible } from '../support/a11y.js';
import { memoryStore, pdfBytes } from './xc-attachments-support.js';

const template = {
  id: 'small',
  version: '1',
  title: '小清单',
  findings: [
    { value: 'problem', label: '存在问题', isProblem: true },
    { value: 'none', label: '未发现问题' },
  ],
  sections: [{ id: 's1', title: '第一部分', groups: [{ id: 'g1', title: '第一组', items: [{ id: 'p1', text: '是否存在甲问题' }] }] }],
};
const FILE = { id: 'f1', name: '谈话笔录.pdf', type: 'application/pdf', size: 2048, sha256: 'a'.repeat(64) };

const until = async (ok: () => boolean, ms = 5000) => {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function checklist(store: AttachmentStore | undefined, value?: unknown, readonly = false) {
  const p = await fixture<HTMLElement>(html`<xc-provider today="2026-11-26" .attachments=${store}>
    <xc-checklist .template=${template} .value=${value} ?readonly=${readonly}></xc-checklist>
  </xc-provider>`);
  const el = p.querySelector('xc-checklist') as XcChecklist;
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
  return el;
}
const point = (el: XcChecklist) => el.shadowRoot!.querySelector<HTMLElement>('#xc-item-p1')!;

describe('evidence files in records', () => {
  it('checklist: 添加附件 appears only with a store, loads <xc-attachments>, and files land in the finding\'s evidence', async () => {
    const none = await checklist(undefined);
    point(none).querySelector<HTMLInputElement>('.finding[data-value="problem"] input')!.click();
    await none.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(point(none).querySelector('[data-attach]'), 'no store: no file attaching').to.equal(null);
    expect(point(none).querySelector('.evidence .add'), 'title/link evidence as before').to.not.equal(null);

    const store = memoryStore();
    const el = await checklist(store);
    point(el).querySelector<HTMLInputElement>('.finding[data-value="problem"] input')!.click();
    await until(() => !!point(el).querySelector('[data-attach]'));
    const button = point(el).querySelector<HTMLButtonElement>('[data-attach]')!;
    expect(button.textContent).to.equal('添加附件');
    button.click();
    await until(() => !!customElements.get('xc-attachments') && !!point(el).querySelector('xc-attachments'));
    const files = point(el).querySelector('xc-attachments') as XcAttachments;
    await files.updateComplete;
    await until(() => files.shadowRoot!.activeElement?.classList.contains('choose') === true);
    let changes = 0;
    el.addEventListener('xc-change', () => changes++);
    await files.add([new File([pdfBytes()], '会议记录.pdf', { type: 'application/pdf' })]);
    await el.updateComplete;
    const evidence = (el.value as { items: Record<string, { evidence: { title: string; file?: { name: string } }[] }> }).items['p1']!.evidence;
    expect(evidence.map((e) => [e.title, e.file?.name])).to.deep.equal([['会议记录.pdf', '会议记录.pdf']]);
    expect(changes, 'the checklist reports the change once (the inner event stays inside)').to.be.greaterThan(0);
    // A file entry is not shown again as a title row.
    expect(point(el).querySelectorAll('.evidence-row')).to.have.length(0);
    // A file entry carries its title: no evidence error (only the description is missing).
    expect(el.validate().errors.map((e) => e.path)).to.deep.equal(['items.p1.description']);
    await expectAccessible(el);
  });

  it('checklist read-only: file entries show with name, type and size, and open from the store', async () => {
    const store = memoryStore();
    store.blobs.set('f1', pdfBytes());
    const value = { templateId: 'small', templateVersion: '1', items: { p1: { finding: 'problem', description: '问题', evidence: [{ title: '纪要', ref: '〔2026〕3号' }, { title: '谈话笔录', file: FILE }] } } };
    const el = await checklist(store, value, true);
    await until(() => !!point(el).querySelector('xc-attachments')?.shadowRoot?.querySelector('.file'));
    const files = point(el).querySelector('xc-attachments') as XcAttachments;
    await files.updateComplete;
    expect(point(el).querySelector('dd ul')!.textContent).to.contain('纪要').and.not.contain('谈话笔录');
    expect(files.shadowRoot!.querySelector('.name')!.textContent).to.equal('谈话笔录');
    expect(files.shadowRoot!.querySelector('.type')!.textContent).to.equal('PDF 文档，2 KB');
    expect(files.shadowRoot!.querySelector('[data-act=open]')).to.not.equal(null);
    expect(files.shadowRoot!.querySelector('.choose')).to.equal(null);
    await expectAccessible(el);
  });

  it('ledger item: 佐证材料 takes files with a store; the read-only panel lists them', async () => {
    const store = memoryStore();
    const it0: RectificationItem = {
      id: 'ZG-001',
      problem: { text: '台账不全', evidence: [{ title: '检查记录', file: { ...FILE, id: 'f2', name: '检查记录.pdf' } }] },
      measures: [{ id: 'M-001', text: '补齐台账' }],
      responsibility: { leader: '王局长' },
      kind: 'deadline',
      deadline: '2026-12-31',
      status: 'in-progress',
      progress: 50,
      evidence: [],
      history: [{ at: '2026-11-01T09:00:00+08:00', by: '巡察组', role: 'office', from: null, to: 'in-progress' }],
    };
    const p = await fixture<HTMLElement>(html`<xc-provider today="2026-11-26" user-role="unit" .attachments=${store}>
      <xc-rectification-tracker .value=${{ version: 1, items: [it0] }}></xc-rectification-tracker>
    </xc-provider>`);
    const el = p.querySelector('xc-rectification-tracker') as XcRectificationTracker;
    await el.updateComplete;
    await until(() => !!el.shadowRoot!.querySelector('tr.row button.open'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('tr.row button.open')!.click();
    await until(() => !!el.shadowRoot!.querySelector('xc-rectification-detail [data-attach]'));
    const detail = el.shadowRoot!.querySelector('xc-rectification-detail')!;
    // The finding's evidence, read-only, shows its file.
    await until(() => !!detail.querySelector('.d-found-evidence xc-attachments')?.shadowRoot?.querySelector('.name'));
    expect(detail.querySelector('.d-found-evidence xc-attachments')!.shadowRoot!.querySelector('.name')!.textContent).to.equal('检查记录');
    detail.querySelector<HTMLButtonElement>('[data-attach]')!.click();
    await until(() => !!detail.querySelector('#d-h-evidence')?.parentElement?.querySelector('xc-attachments')?.shadowRoot?.querySelector('.choose'));
    const files = detail.querySelector('#d-h-evidence')!.parentElement!.querySelector('xc-attachments') as XcAttachments;
    await files.add([new File([pdfBytes()], '整改报告.pdf', { type: 'application/pdf' })]);
    await el.updateComplete;
    const saved = (el.value as { items: RectificationItem[] }).items[0]!.evidence;
    expect(saved.map((e) => [e.title, e.file?.name])).to.deep.equal([['整改报告.pdf', '整改报告.pdf']]);
    expect(detail.querySelectorAll('.evidence-row')).to.have.length(0);
  });

  it('interview record: files go to the record\'s evidence, are covered by the signature, and are read-only once signed', async () => {
    const store = memoryStore();
    const p = await fixture<HTMLElement>(html`<xc-provider today="2026-11-26T10:45:00+08:00" .attachments=${store}>
      <xc-interview-form .value=${filledInterview()}></xc-interview-form>
    </xc-provider>`);
    const el = p.querySelector('xc-interview-form') as XcInterviewForm;
    await el.updateComplete;
    await until(() => !!el.shadowRoot!.querySelector('[data-attach]'));
    expect(el.shadowRoot!.querySelector('[data-attach]')!.textContent).to.equal('添加附件');
    (el.shadowRoot!.querySelector('[data-attach]') as HTMLButtonElement).click();
    await until(() => !!el.shadowRoot!.querySelector('xc-attachments')?.shadowRoot?.querySelector('.choose'));
    const files = el.shadowRoot!.querySelector('xc-attachments') as XcAttachments;
    await files.add([new File([pdfBytes()], '谈话录音整理稿.pdf', { type: 'application/pdf' })]);
    await el.updateComplete;
    const rec = el.value as { evidence: { title: string; file: { sha256: string } }[] };
    expect(rec.evidence.map((e) => e.title)).to.deep.equal(['谈话录音整理稿.pdf']);
    expect(await el.sign()).to.equal(true);
    await el.updateComplete;
    await until(() => !!el.shadowRoot!.querySelector('xc-attachments')?.shadowRoot?.querySelector('.file'));
    const after = el.shadowRoot!.querySelector('xc-attachments') as XcAttachments;
    expect(after.readonly).to.equal(true);
    expect(after.shadowRoot!.querySelector('.choose')).to.equal(null);
    // A swapped file (another SHA-256 in the reference) no longer matches the signature.
    const signed = el.value as Record<string, unknown> & { evidence: { file: { sha256: string } }[] };
    expect(await verify(signed as never)).to.equal(true);
    const swapped = { ...signed, evidence: [{ ...signed.evidence[0], file: { ...signed.evidence[0]!.file, sha256: 'b'.repeat(64) } }] };
    expect(await verify(swapped as never)).to.equal(false);
  });
});

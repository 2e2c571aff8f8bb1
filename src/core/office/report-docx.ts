/**
 * The 整改情况报告 (or the 主要负责人组织落实整改情况报告) as a Word document, and its 公开稿: the report
 * as the person sees and edited it (their edits win over the drafted text), laid out as it prints —
 * the title, the opening, 一、总体整改情况 with the figures table (反馈日期, 报送期限, the counts, 建章立制,
 * 资金, 问责/处理), each 三个聚焦 focus area with its problems (responsibility, evidence, what was done
 * and the result), the problems not yet done with reasons and next steps, and the next steps. The
 * 公开稿 goes through the same leak check that refuses it on screen (publicVersion of
 * src/core/rectification-report.ts): refused, there are no bytes at all, only where each leak is.
 * Pure (no DOM, no clock); long reports are written in chunks (writeDocx's options), the event loop
 * let run between them. Loaded only when someone exports.
 */
import { formatDateKey, formatNumber, formatPercent, loadLocale } from '../i18n.js';
import {
  leaksIn,
  paragraphText,
  preparePublicVersion,
  publicVersion,
  reportMessages,
  type ReportLeak,
  type ReportModel,
  type ReportValue,
  type RestrictedName,
} from '../rectification-report.js';
import { writeDocx, type DocxBlock, type DocxDocument, type DocxOptions } from './docx.js';
import { yieldToLoop } from './zip.js';

/** Options of {@link reportToDocx}. */
export interface ReportDocxOptions extends DocxOptions {
  /** The 公开稿 instead of the report. */
  public?: boolean;
  /** What the 公开稿 must not hold (restrictedNames of the ledger, clues and extras); pass the same array the element checks with. */
  restricted?: readonly (string | RestrictedName)[];
  /** Language of the headings and figures (default: the model's). */
  lang?: string;
  /** Problems laid out between two yields to the event loop (default 500). */
  chunkProblems?: number;
}

/** A written document, or the 公开稿 refused with where restricted text remains (no bytes). */
export type ReportDocxResult = { ok: true; bytes: Uint8Array; title: string } | { ok: false; leaks: ReportLeak[] };

/** Reports longer than this have the 公开稿's matching done ahead, a slice per task. */
const PREPARE_ABOVE = 400;

/**
 * The report's document (title and blocks), or the 公开稿's leaks. `public` documents are made
 * from {@link publicVersion}'s model; every text of the document is then checked once more with
 * {@link leaksIn} (the fixed wording too), so no restricted name reaches the file.
 */
export async function reportDocument(value: ReportValue, options: ReportDocxOptions = {}): Promise<{ ok: true; doc: DocxDocument } | { ok: false; leaks: ReportLeak[] }> {
  const lang = options.lang || value.model.lang || 'zh-CN';
  await loadLocale(lang);
  const isPublic = options.public === true;
  const restricted = options.restricted ?? [];
  const pause = options.yieldTo ?? yieldToLoop;
  const every = Math.max(1, options.chunkProblems ?? 500);
  let model: ReportModel = value.model;
  let text = (id: string) => paragraphText(value, id);
  if (isPublic) {
    if (value.model.paragraphs.length > PREPARE_ABOVE) await preparePublicVersion(value, { restricted, lang });
    const result = publicVersion(value, { restricted, lang });
    if (!result.ok) return { ok: false, leaks: result.leaks };
    const pub = result.model;
    const byId = new Map(pub.paragraphs.map((p) => [p.id, p.text]));
    model = pub;
    text = (id) => byId.get(id) ?? '';
  }

  const t = reportMessages(lang);
  const blocks: DocxBlock[] = [];
  const has = new Set(model.paragraphs.map((p) => p.id));
  const para = (id: string) => has.has(id) && blocks.push({ kind: 'paragraph', text: text(id) });
  let n = 0;
  const h1 = (s: string) => blocks.push({ kind: 'heading', level: 1, text: `${t.rrNumeral(++n)}${s}` });

  if (isPublic) blocks.push({ kind: 'paragraph', text: t.rrPublicNote });
  para('intro');
  h1(t.rrSecOverview);
  const f = model.figures;
  const count = (x: number) => formatNumber(x, lang);
  blocks.push({
    kind: 'table',
    header: [t.rrFigHead, t.rrFigValue],
    rows: [
      [t.rrFeedbackDate, model.feedbackDate ? formatDateKey(model.feedbackDate, lang) : t.rrDueUnknown],
      [t.rrDueDate, model.dueDate ? `${formatDateKey(model.dueDate, lang)} ${t.rrDueNote(model.dueMonths)}` : t.rrDueUnknown],
      [t.rrFigTotal, count(f.total)],
      [t.rrFigClosed, count(f.closed)],
      [t.rrFigStage, count(f.stageReached)],
      [t.rrFigInProgress, count(f.inProgress)],
      [t.rrFigOverdue, count(f.overdue)],
      [t.rrFigRate, formatPercent(f.completionRate, lang)],
      [t.rrFigRules, count(f.rulesMade)],
      [t.rrFigFunds, count(f.fundsRecovered)],
      [t.rrFigPeople, count(f.peopleHandled)],
    ],
  });
  para('overview');
  if (has.has('leader')) {
    h1(t.rrSecLeader);
    para('leader');
  }
  h1(t.rrSecProblems);
  let laid = 0;
  const problemOf = new Map<string, string>();
  for (let si = 0; si < model.sections.length; si++) {
    const s = model.sections[si]!;
    blocks.push({ kind: 'heading', level: 2, text: `${t.rrSubNumeral(si + 1)}${s.title}` });
    for (const p of s.problems) {
      if (++laid % every === 0) await pause();
      problemOf.set(p.itemId, p.problem);
      blocks.push({ kind: 'heading', level: 3, text: t.rrProblemLine(p.no, p.problem) });
      const r = p.responsibility;
      const resp = (isPublic ? [[t.rrRespDepartment, r.department]] : [[t.rrRespLeader, r.leader], [t.rrRespDepartment, r.department], [t.rrRespPerson, r.person]])
        .filter(([, x]) => x)
        .map(([label, x]) => `${label}：${x}`);
      if (resp.length) blocks.push({ kind: 'paragraph', text: resp.join(t.rrListSep) });
      if (!isPublic && p.evidence.length) blocks.push({ kind: 'paragraph', text: `${t.rrEvidence}：${p.evidence.join(t.rrListSep)}` });
      para(p.paragraph);
    }
  }
  h1(t.rrSecOpen);
  if (!model.open.length) blocks.push({ kind: 'paragraph', text: t.rrNoOpen });
  for (const o of model.open) {
    if (++laid % every === 0) await pause();
    blocks.push({ kind: 'heading', level: 3, text: t.rrProblemLine(o.no, problemOf.get(o.itemId) ?? '') });
    para(o.paragraph);
  }
  h1(t.rrSecNext);
  para('next');

  if (isPublic) {
    // Once more over what the file will hold, the fixed wording included: nothing restricted may reach it.
    const leaks: ReportLeak[] = [];
    const check = (s: string, path: string) => {
      for (const h of leaksIn(s, restricted)) leaks.push({ path, label: t.rrLabelFixed, text: h.text, role: h.role, edited: false });
    };
    check(model.title, 'title');
    for (let i = 0; i < blocks.length; i++) {
      if (i && i % 2000 === 0) await pause();
      const b = blocks[i]!;
      if (b.kind === 'table') [b.header, ...b.rows].forEach((row) => row.forEach((c) => check(c, `blocks.${i}`)));
      else if (b.kind === 'signature') b.lines.forEach((l) => check(l, `blocks.${i}`));
      else check(b.text, `blocks.${i}`);
    }
    if (leaks.length) return { ok: false, leaks };
  }
  return { ok: true, doc: { title: model.title, blocks, page: 'A4' } };
}

/**
 * The report (or, with `public`, its 公开稿) as .docx bytes: {@link reportDocument} written with
 * writeDocx (headings in Word's heading styles, the figures as a table). A refused 公开稿 gives
 * `{ ok: false, leaks }` and writes nothing.
 */
export async function reportToDocx(value: ReportValue, options: ReportDocxOptions = {}): Promise<ReportDocxResult> {
  const r = await reportDocument(value, options);
  if (!r.ok) return r;
  return { ok: true, title: r.doc.title, bytes: await writeDocx(r.doc, options) };
}

/**
 * The printable 问题线索移交单 of <xc-clue-register>, loaded the first time a sheet is shown: the
 * sheet's number, receiver, date, the clues it carries (number, main problem, person concerned,
 * 处理建议), the reply deadline, and signature lines for 移交人 and 接收人. On screen it follows the
 * list with a print button and 导出 Word (the same sheet as .docx, src/core/office/clue-register-office.ts); printed (A4), it is the only thing on the page. No 反映人: the register
 * does not hold one.
 */
import { html } from 'lit';
import { formatDateKey } from '../core/i18n.js';
import { clueReceiverLabel, type RegisterClue, type TransferSheet, clueRegisterMessages } from '../core/clue-register.js';

const s = (v: unknown) => (typeof v === 'string' ? v : '');

/** The sheet's layout; `print`, `exportWord` and `close` are the on-screen buttons. */
export function renderSheet(sheet: TransferSheet, clues: readonly RegisterClue[], t: ReturnType<typeof clueRegisterMessages>, lang: string, print: () => void, close: () => void, exportWord: () => void) {
  const byId = new Map(clues.map((c) => [c.id, c]));
  const rows = sheet.clueIds.map((id) => byId.get(id)).filter((c): c is RegisterClue => !!c);
  const line = (label: string, name: string) => html`<div class="sign">
    <p><span class="sign-label">${label}</span><span class="sign-name"><bdi>${name}</bdi></span></p>
    <p><span class="sign-label">${t.crSheetSign}</span><span class="sign-line" aria-hidden="true"></span></p>
    <p><span class="sign-label">${t.crSheetSignDate}</span><span class="sign-line short" aria-hidden="true"></span></p>
  </div>`;
  return html`<section class="sheet-view" part="print-sheet" aria-labelledby="sheet-title">
    <h3 id="sheet-title" tabindex="-1">${t.crSheetTitle}</h3>
    <p class="sheet-number">${t.crSheetNumber(s(sheet.number))}</p>
    <dl class="sheet-head">
      <dt>${t.crSheetTo}</dt><dd>${clueReceiverLabel(sheet.receiver, lang)}${sheet.receiverUnit ? html`（<bdi>${s(sheet.receiverUnit)}</bdi>）` : ''}</dd>
      <dt>${t.crSheetDate}</dt><dd>${formatDateKey(sheet.date, lang)}</dd>
    </dl>
    <table class="sheet-table">
      <thead><tr><th scope="col">${t.crSheetSeq}</th><th scope="col">${t.crColNumber}</th><th scope="col">${t.crColProblem}</th><th scope="col">${t.crColConcerned}</th><th scope="col">${t.crColSuggestion}</th></tr></thead>
      <tbody>
        ${rows.map((c, i) => html`<tr>
          <td>${i + 1}</td>
          <td><bdi>${s(c.number)}</bdi></td>
          <td class="problem"><bdi>${s(c.mainProblem)}</bdi></td>
          <td><bdi>${[s(c.personConcerned?.name), s(c.personConcerned?.unit)].filter(Boolean).join(' ')}</bdi></td>
          <td class="problem"><bdi>${s(c.suggestion)}</bdi></td>
        </tr>`)}
      </tbody>
    </table>
    <p>${t.crSheetCount(rows.length)} ${t.crSheetDue(formatDateKey(sheet.replyDue, lang))}</p>
    <div class="signatures">
      ${line(t.crSheetTransferor, s(sheet.transferor))}
      ${line(t.crSheetRecipient, s(sheet.recipient))}
    </div>
    <div class="actions screen-only">
      <button type="button" class="primary print" @click=${print}>${t.crSheetPrint}</button>
      <button type="button" class="export-docx" @click=${exportWord}>${t.crSheetExportDocx}</button>
      <button type="button" class="close-sheet" @click=${close}>${t.crClose}</button>
    </div>
  </section>`;
}

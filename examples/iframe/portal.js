// The portal side of the bridge. It sends the frame what to show (record, language, today) and
// takes back what happened (change, submit, invalid, height). Messages go to the frame's origin
// only (never '*'), and only messages from that origin, from that frame, are read.
import { FRAME_ORIGIN } from './origins.js';

document.getElementById('served-note').hidden = true;
const frame = document.getElementById('frame');
const $ = (id) => document.getElementById(id);
let lang = 'zh-CN';

frame.src = `${FRAME_ORIGIN}/examples/iframe/frame.html`;

/** Send one command to the frame (its origin only: a frame navigated elsewhere gets nothing). */
const send = (msg) => frame.contentWindow.postMessage(msg, FRAME_ORIGIN);

addEventListener('message', (e) => {
  if (e.origin !== FRAME_ORIGIN || e.source !== frame.contentWindow || !e.data || typeof e.data.type !== 'string') {
    $('ignored').textContent = String(Number($('ignored').textContent) + 1);
    return;
  }
  const m = e.data;
  switch (m.type) {
    case 'xc:ready':
      $('state').textContent = '就绪';
      send({ type: 'xc:today', today: $('today').value });
      break;
    case 'xc:applied':
      $('state').textContent = `就绪（${m.lang}，${m.today}）`;
      break;
    case 'xc:change':
      $('changed').textContent = m.path || '全部';
      break;
    case 'xc:invalid':
      $('submitted').textContent = `未提交：${m.errors} 处要改`;
      break;
    case 'xc:submit':
      // Here the portal would save the record; the frame sent it as JSON-able data.
      $('submitted').textContent = m.value && m.value.clueNo ? m.value.clueNo : '';
      break;
    case 'xc:height':
      // The frame grows with its content: no scroll bar inside the portal's page.
      frame.height = String(Math.ceil(m.height));
      $('height').textContent = String(Math.ceil(m.height));
      break;
  }
});

$('load').addEventListener('click', () =>
  send({
    type: 'xc:set',
    value: {
      clueNo: 'XS-2026-011',
      source: '巡察中发现',
      receivedOn: '2026-11-20',
      personConcerned: { name: '赵某', unit: 'xx镇财政所', post: '副所长' },
      mainProblem: '虚列支出套取资金1.8万元',
      proposedHandling: '初步核实',
    },
  }),
);
$('lang').addEventListener('click', () => {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  $('lang').textContent = lang === 'zh-CN' ? 'English' : '中文';
  send({ type: 'xc:lang', lang });
});
$('today').addEventListener('change', () => send({ type: 'xc:today', today: $('today').value }));
$('submit').addEventListener('click', () => send({ type: 'xc:submit' }));

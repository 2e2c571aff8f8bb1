import { useRef, useState } from 'react';
import type { ChecklistResponse, XcChecklist, XcUser } from 'xc-elements';

/** A record as it might come back from your server; unknown members (portalRecordId) are kept. */
const SAVED: ChecklistResponse = {
  templateId: 'xc-sanjujiao',
  templateVersion: '1.0.0',
  items: {
    'f1g1-01': { finding: 'none', methods: ['hearing'] },
    'f1g1-02': { finding: 'problem', description: '学习记录与会议纪要不一致。', methods: ['documents', 'interview'], evidence: [{ title: '2026年党组会议纪要' }], category: 'first-topic', scope: 'specific' },
  },
  portalRecordId: 'A-2026-17',
};

const USER: XcUser = { id: 'u-17', name: '张三' };

const answered = (v: ChecklistResponse | null) => (v ? Object.values(v.items).filter((i) => i.finding).length : 0);

export function App() {
  // The element keeps its own state while it is being filled; `record` is what
  // React hands in (set it to load a record), not a copy of every keystroke.
  const [record, setRecord] = useState<ChecklistResponse | null>(null);
  const [lastChange, setLastChange] = useState('（无）');
  const [count, setCount] = useState(0);
  const [validity, setValidity] = useState('（未检查）');
  const [submitted, setSubmitted] = useState<ChecklistResponse | null>(null);
  const list = useRef<XcChecklist>(null);

  const check = async () => {
    const ok = await list.current!.reportValidity();
    setValidity(ok ? '检查通过' : '检查未通过：请按清单上方的错误摘要补全');
  };
  const submit = async () => {
    const ok = await list.current!.submit();
    if (!ok) setValidity('提交未通过：请按清单上方的错误摘要补全');
  };

  return (
    <xc-provider user={USER} today="2026-05-20">
      <main>
        <h1>监督检查清单 · React 19</h1>
        <div className="toolbar">
          <button type="button" id="load" onClick={() => setRecord(SAVED)}>
            载入已存记录
          </button>
          <button type="button" id="check" onClick={check}>
            检查是否填完
          </button>
          <button type="button" id="submit" onClick={submit}>
            提交
          </button>
        </div>
        <xc-checklist
          ref={list}
          value={record}
          subject="被巡察单位：xx乡党委"
          noSubmitButton
          onxc-change={(e) => {
            setLastChange(e.detail.itemId ?? '（整份草稿）');
            setCount(answered(e.detail.value));
          }}
          onxc-submit={(e) => {
            setValidity('已提交');
            setSubmitted(e.detail.value);
          }}
        />
        <h2>React 状态</h2>
        <dl className="state">
          <dt>最近改动的检查点</dt>
          <dd id="last-change">{lastChange}</dd>
          <dt>已作答</dt>
          <dd id="answered">{count}</dd>
          <dt>检查结果</dt>
          <dd id="validity">{validity}</dd>
        </dl>
        <h2>最近一次提交</h2>
        <pre id="submitted">{submitted ? JSON.stringify(submitted, null, 2) : '（尚未提交）'}</pre>
      </main>
    </xc-provider>
  );
}

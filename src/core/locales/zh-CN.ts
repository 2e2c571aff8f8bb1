/** Simplified Chinese (default) strings of every xc element. */
const zhCN = {
  lang: 'zh-CN',
  optional: '（选填）',
  errorPrefix: '错误：',
  errorSummaryTitle: '提交前请修改以下问题',
  errorSummaryCount: (n: number) => `共 ${n} 处需要修改`,
  loading: '正在加载……',
  loadFailed: (detail: string) => `无法加载模板：${detail}`,
  templateInvalid: '模板格式有误，无法显示。',
  templateInvalidDetail: (path: string, message: string) => `位置 ${path || '（根）'}：${message}`,
  duplicateId: (id: string) => `编号“${id}”重复`,
  draftFound: (when: string) => `发现 ${when} 保存的草稿，比当前内容更新。`,
  draftRestore: '恢复草稿',
  draftDiscard: '放弃草稿',
  draftSaved: (when: string) => `草稿已于 ${when} 自动保存`,
  draftUnavailable: '浏览器无法保存草稿（存储已满或被禁用），内容仅保存在本页面中，请勿关闭页面。',
  draftOtherTab: '此草稿已在其他窗口中修改。',
  draftLoadOther: '载入其他窗口的版本',
  draftKeepMine: '保留本窗口的内容',
  submit: '提交',
  reset: '重置',
  yes: '是',
  no: '否',
  // validation
  chooseFromList: '请从选项中选择',
  invalidValue: '填写的内容不符合要求',
  required: '请填写此项',
  requiredField: (label: string) => `请填写${label}`,
  requiredChoice: (label: string) => `请选择${label}`,
  // checklist
  checklistLabel: '监督检查清单',
  finding: '检查结论',
  findingRequired: '请选择检查结论',
  description: '问题描述',
  descriptionRequired: '请填写问题描述',
  methods: '发现方式',
  methodsRequired: '请选择至少一种发现方式',
  evidence: '佐证材料',
  evidenceRequired: '请添加至少一项佐证材料',
  evidenceTitle: '材料名称',
  evidenceKind: '材料类型',
  evidenceRef: '编号或链接',
  evidenceAdd: '添加佐证材料',
  evidenceRemove: (n: number) => `删除第 ${n} 项佐证材料`,
  attachAdd: '添加附件',
  evidenceItem: (n: number) => `佐证材料 ${n}`,
  evidenceTitleRequired: '请填写材料名称',
  evidenceLinkInvalid: '链接只能以 http://、https:// 开头或为站内相对地址',
  category: '问题类别',
  scope: '问题性质',
  clue: '作为问题线索移交区纪委',
  notes: '备注',
  itemOf: (n: number, total: number) => `第 ${n} 项，共 ${total} 项`,
  printHeader: (title: string) => title,
  keptAside: '以下答复所对应的检查要点已不在当前模板中，已单独保留：',
  // dates
  dateUnknown: '—',
  // rectification ledger (整改台账)
  // rectification tracker (<xc-rectification-tracker>)
  // schema forms (<xc-form>, <xc-interview-form>, <xc-clue-sheet>)
  formListSep: '、',
  validationUnavailable: '无法按表单定义检查填写内容：定义嵌套过深，或其中的引用（$ref）构成循环。',
  validatorFailed: (detail: string) => `校验器运行出错，无法检查填写内容（技术信息：${detail}）。`,
  interviewToClues: (n: number) => `将 ${n} 个问题登记为问题线索`,
  clueInterviewRecord: (recordNo: string) => `个别谈话记录（${recordNo}）`,
  // punctuation, as the language writes it
  labelSep: '：',
  clauseSep: '；',
  phraseSep: '，',
  bracket: (s: string) => `（${s}）`,
  // checklist: check points named in the error summary, hints, values that cannot be read
  pointRef: (no: string, excerpt: string) => `${no} ${excerpt}`,
  pointExcerpt: (text: string) => {
    const chars = Array.from(text.trim());
    return chars.length > 14 ? `${chars.slice(0, 14).join('')}…` : chars.join('');
  },
  errorAtPoint: (point: string, message: string) => `${point}：${message}`,
  valueNotObject: '清单数据应为对象（包含 templateId 和 items），无法读取，已显示为空白清单。',
  valueItemsNotObject: 'items 应为以检查要点编号为键的对象，其中的答复无法读取。',
  valueAnswerNotObject: (id: string) => `检查要点“${id}”的答复不是对象，无法读取。`,
  valueKeptAsideNotObject: 'keptAside 应为对象，其中的答复无法读取。',
  // verification of changes on a server (xc-elements/core verify*)
};

/** The shape every locale has. */
export type Messages = typeof zhCN;
export default zhCN;

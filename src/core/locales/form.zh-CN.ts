/**
 * Simplified Chinese strings of <xc-form> (and so of <xc-interview-form> and <xc-clue-sheet>)
 * only. They join the locale registry when the form loads (see src/form/locale.ts), so pages
 * without it do not carry them.
 */
const formZhCN = {
  schemaNeedsPrecompile:
    '当前页面的安全策略（CSP）不允许在浏览器中编译表单定义。请在构建时运行 “npx xc-precompile 表单.json -o 校验器.js”，再把生成的校验器赋给元素的 validator 属性。',
  schemaNoCompiler:
    '此表单定义没有预编译的校验器。请运行 “npx xc-precompile 表单.json -o 校验器.js” 并设置 validator 属性，或在允许的页面中引入 “xc-elements/compiler”。',
  formChoose: '请选择',
  formClearChoice: '清除选择',
  formNowRequired: '（现为必填）',
  formBecameRequired: (label: string) => `“${label}”现为必填项。`,
  formRevealed: '按当前填写情况此项本应隐藏，因有问题需要处理而显示。',
  formAdd: '添加一项',
  formRemove: '删除',
  formMoveUp: '上移',
  formMoveDown: '下移',
  formItemActions: (label: string) => `${label}的操作`,
  formMinItems: (n: number) => `至少需要 ${n} 项，不能再删除。`,
  formMaxItems: (n: number) => `最多 ${n} 项，不能再添加。`,
  formEmptyList: '（尚未添加）',
  formEmpty: '（未填写）',
  formPerson: (name: string, rest: string) => (rest ? `${name}（${rest}）` : name),
  formNoSchema: '未提供表单定义：请设置 schema 属性或 src 地址。',
  formDefinitionInvalid: '表单定义有误，无法显示。',
  formDefinitionTooComplex: '表单定义嵌套过深，或其中的引用（$ref）构成循环，无法使用。',
  formCompileFailed: (detail: string) => `无法据此生成校验器（技术信息：${detail}）`,
  formReadonly: '只读：此记录不可修改。',
  formPageOf: (page: string, pages: string) => `第 ${page} 页 共 ${pages} 页`,
  formPathSep: ' · ',
  formErrorWhere: (where: string, message: string) => `${where}：${message}`,
  formAtOffset: (time: string, zone: string) => `${time}（${zone}）`,
  /** The button of a record's Word export (`<xc-interview-form>`, `<xc-clue-sheet>`). */
  formExportWord: '导出 Word',
};

/** The shape of these strings in every language. */
export type FormMessages = typeof formZhCN;
export default formZhCN;

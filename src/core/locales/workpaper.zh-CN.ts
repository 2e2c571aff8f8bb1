/**
 * Simplified Chinese strings of the checklist's 三级审核 panel and its printed head and signature
 * blocks (src/checklist/xc-checklist-review.ts). They join the locale registry when that chunk
 * loads, so a page that never shows the panel does not carry them.
 */
const workpaperZhCN = {
  wpReview: '三级审核',
  wpState: (state: string) => `当前状态：${state}`,
  wpStates: { drafting: '编制中', submitted: '待复核', reviewed: '待审签', returned: '已退回修改', signed: '已审签' } as Record<string, string>,
  wpLevels: { preparer: '编制（承办人）', reviewer: '复核（副组长）', leader: '审签（组长）' } as Record<string, string>,
  wpActions: { submit: '提交复核', review: '复核通过', return: '退回修改', sign: '审签' } as Record<string, string>,
  wpStepDone: { submit: '已提交复核', review: '已复核', return: '已退回修改', sign: '已审签' } as Record<string, string>,
  wpName: '签名',
  wpOpinion: '审核意见',
  wpOpinionSubmit: '编制说明',
  wpComments: '按检查要点批注（退回修改时随底稿退回）',
  wpCommentPoint: '检查要点',
  wpCommentText: '批注',
  wpCommentAdd: '添加批注',
  wpCommentRemove: (n: number) => `删除第 ${n} 条批注`,
  wpCommentItem: (n: number) => `第 ${n} 条批注`,
  wpNoActions: '当前角色在此状态下没有可办理的审核步骤。',
  wpHistory: '审核记录',
  wpStepBy: (level: string, by: string, at: string) => `${level}：${by}，${at}`,
  wpNotSigned: '（未签）',
  wpRefused: {
    value: '底稿数据无法读取，不能办理。',
    locked: '底稿已审签，不能再办理任何步骤。',
    action: '没有这个审核步骤。',
    state: '底稿当前状态不能办理这一步。',
    role: '当前角色不能办理这一步。',
    name: '请填写签名。',
    time: '时间无效，不能办理。',
    opinion: '请填写审核意见。',
    comments: '批注须写明内容，并对应本底稿的检查要点。',
    content: '底稿在审核中，内容不能修改。',
    invalid: '底稿尚未填写完整，请先改正标出的问题。',
  } as Record<string, string>,
  wpSignedAt: (when: string) => `审签时间：${when}`,
  wpFingerprint: '底稿指纹（SHA-256）：',
  wpVerified: '核验一致：底稿与审签时相同。',
  wpVerifying: '正在核验…',
  wpTampered: '警告：底稿内容与审签时的指纹不一致，审签后可能被改动。',
  wpPrintTitle: '巡察工作底稿',
  wpSignatures: '审核签字',
  wpSignName: '签名',
  wpSignDate: '日期',
  wpSignOpinion: '意见',
};

/** The shape of these strings in every language. */
export type WorkpaperMessages = typeof workpaperZhCN;
export default workpaperZhCN;

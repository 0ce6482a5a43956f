import type { Bilingual } from '../i18n/i18nProvider';

/** The titles of the per-case obligations A1–A23 (src/membership/obligation-catalogue.ts; that file reads the rules from disk, so it cannot be imported here). */
export const OBLIGATION_TITLES: Record<string, Bilingual> = {
  A1: { zh: '与入党申请人谈话', en: 'Talk with the applicant' },
  A2: { zh: '考虑确定入党积极分子', en: 'Consider the applicant for activist' },
  A3: { zh: '积极分子报上级党委备案', en: 'File the activist' },
  A4: { zh: '指定培养联系人', en: 'Assign cultivation contacts' },
  A5: { zh: '半年考察积极分子', en: 'Half-yearly assessment' },
  A6: { zh: '思想汇报', en: 'Thought report' },
  A8: { zh: '可确定为发展对象', en: 'Earliest listing as candidate' },
  A10: { zh: '发展对象报上级党委备案', en: 'File the candidate' },
  A11: { zh: '完成政治审查', en: 'Complete the political review' },
  A12: { zh: '参加集中培训', en: 'Concentrated training' },
  A14: { zh: '预审', en: 'Pre-review' },
  A15: { zh: '召开支部大会讨论接收', en: 'Branch admission meeting' },
  A16: { zh: '审批接收预备党员', en: 'Approve the admission' },
  A17: { zh: '审批结果报组织部门备案', en: 'File the approval' },
  A18: { zh: '入党宣誓', en: 'Admission oath' },
  A19: { zh: '提交转正申请', en: 'Conversion application' },
  A20: { zh: '召开支部大会讨论转正', en: 'Conversion meeting' },
  A21: { zh: '延长预备期期满', en: 'Extended probation ends' },
  A22: { zh: '审批转正', en: 'Approve the conversion' },
  A23: { zh: '材料归档', en: 'Archive the materials' },
};

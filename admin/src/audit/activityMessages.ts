import { inLanguage } from '../i18n/labels.js';

type Labels = Record<string, { zh: string; en: string }>;

/**
 * The labels of the fields of event data, as the activity log shows them (admin/src/audit). One table
 * in both languages, like the server's label maps; a field the table lacks is shown by its own name.
 * A new feature may label its own events' fields in its messages instead (`activity.data.<field>`): the
 * messages are merged, and only a field labelled twice is refused.
 */
const DATA_FIELDS: Labels = {
  // Users and roles
  userId: { zh: '用户', en: 'User' },
  username: { zh: '用户名', en: 'Username' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  orgIds: { zh: '负责的党组织', en: 'Party organisations' },
  unitIds: { zh: '单位', en: 'Units' },
  reset: { zh: '由管理员重置', en: 'Reset by an administrator' },
  // Units, Party organisations, posts, members
  unitId: { zh: '单位', en: 'Unit' },
  name: { zh: '名称', en: 'Name' },
  personName: { zh: '姓名', en: 'Name' },
  type: { zh: '类型', en: 'Type' },
  district: { zh: '片区', en: 'District' },
  centralSchool: { zh: '中心校', en: 'Central school' },
  previousName: { zh: '原名称', en: 'Previous name' },
  hostOrgId: { zh: '挂靠党组织', en: 'Host organisation' },
  since: { zh: '起始日期', en: 'Since' },
  on: { zh: '日期', en: 'Date' },
  orgId: { zh: '党组织', en: 'Party organisation' },
  kind: { zh: '类型', en: 'Kind' },
  parentId: { zh: '上级党组织', en: 'Parent organisation' },
  foundedOn: { zh: '成立日期', en: 'Founded on' },
  termStart: { zh: '任期开始', en: 'Term start' },
  termEnd: { zh: '任期届满', en: 'Term end' },
  memberId: { zh: '党员', en: 'Member' },
  positionTitle: { zh: '职务', en: 'Post' },
  from: { zh: '任职日期', en: 'From' },
  crossAppointment: { zh: '交叉任职', en: 'Cross-appointment' },
  to: { zh: '免职日期', en: 'To' },
  gender: { zh: '性别', en: 'Gender' },
  birthDate: { zh: '出生日期', en: 'Birth date' },
  category: { zh: '党员类别', en: 'Category' },
  joinedOn: { zh: '入党时间', en: 'Joined on' },
  post: { zh: '职务岗位', en: 'Job' },
  teaches: { zh: '任课教师', en: 'Teaches' },
  fromOrgId: { zh: '转出党组织', en: 'From organisation' },
  toOrgId: { zh: '转入党组织', en: 'To organisation' },
  fromUnitId: { zh: '转出单位', en: 'From unit' },
  toUnitId: { zh: '转入单位', en: 'To unit' },
  removalReason: { zh: '减少原因', en: 'Reason for removal' },
  // Membership development
  personId: { zh: '发展对象', en: 'Person' },
  records: { zh: '形成材料', en: 'Records' },
  recordTitle: { zh: '材料名称', en: 'Record' },
  title: { zh: '名称', en: 'Title' },
  reference: { zh: '档案号 / 存放位置', en: 'Reference' },
  step: { zh: '步骤', en: 'Step' },
  talkedBy: { zh: '谈话人', en: 'Talked by' },
  summary: { zh: '情况摘要', en: 'Summary' },
  recommendation: { zh: '推荐方式', en: 'Recommendation' },
  contacts: { zh: '培养联系人', en: 'Cultivation contacts' },
  publicityFrom: { zh: '公示开始', en: 'Publicity from' },
  publicityTo: { zh: '公示结束', en: 'Publicity to' },
  publicityWorkingDays: { zh: '公示工作日', en: 'Publicity working days' },
  rulesVersion: { zh: '适用细则版本', en: 'Rules version' },
  introducers: { zh: '入党介绍人', en: 'Introducers' },
  conclusion: { zh: '结论', en: 'Conclusion' },
  days: { zh: '培训天数', en: 'Days' },
  classHours: { zh: '学时', en: 'Class hours' },
  provider: { zh: '培训单位', en: 'Provider' },
  leavingUnitOn: { zh: '预计离开本单位日期', en: 'Leaving the unit on' },
  delayReason: { zh: '逾期原因', en: 'Reason for delay' },
  votes: { zh: '表决', en: 'Votes' },
  entitled: { zh: '应到', en: 'entitled' },
  present: { zh: '实到', en: 'present' },
  writtenOpinions: { zh: '书面意见', en: 'written opinions' },
  inFavour: { zh: '赞成', en: 'in favour' },
  against: { zh: '反对', en: 'against' },
  abstain: { zh: '弃权', en: 'abstain' },
  resolution: { zh: '决议', en: 'Resolution' },
  interviewer: { zh: '谈话人', en: 'Interviewer' },
  opinion: { zh: '谈话意见', en: 'Opinion' },
  decision: { zh: '审批结果', en: 'Decision' },
  specialReason: { zh: '特殊原因', en: 'Special reason' },
  reason: { zh: '理由', en: 'Reason' },
  probationStart: { zh: '预备期开始', en: 'Probation start' },
  probationEnd: { zh: '预备期届满', en: 'Probation end' },
  partyGroup: { zh: '党小组', en: 'Party group' },
  outcome: { zh: '决议', en: 'Outcome' },
  extensionMonths: { zh: '延长预备期（月）', en: 'Extension (months)' },
  partyStandingFrom: { zh: '党龄起算日', en: 'Party standing from' },
  archive: { zh: '归档去向', en: 'Archive' },
  // Evidence (印证资料)
  fileName: { zh: '文件名', en: 'File name' },
  fileSize: { zh: '大小（字节）', en: 'Size (bytes)' },
  sha256: { zh: 'SHA-256 摘要', en: 'SHA-256 digest' },
  mime: { zh: '文件类型', en: 'File type' },
  year: { zh: '年度', en: 'Year' },
  evidenceCategory: { zh: '资料类别', en: 'Evidence category' },
  evidenceSubject: { zh: '归档对象', en: 'Filed for' },
};

const WORDS: Labels = {
  unnamed: { zh: '（名称未登记）', en: '(no name recorded)' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  when: { zh: '时间', en: 'When' },
  occurred_on: { zh: '发生于 %{on}', en: 'on %{on}' },
  recorded_at: { zh: '记录于 %{at}', en: 'recorded %{at}' },
  // Punctuation differs between the languages: full-width in Chinese.
  field: { zh: '%{label}：', en: '%{label}: ' },
  next_field: { zh: '；', en: '; ' },
  next_item: { zh: '、', en: ', ' },
  next_count: { zh: '，', en: ', ' },
  roles: { zh: '（%{roles}）', en: ' (%{roles})' },
};

/** The `activity` messages of one language: the data fields' labels and the log's own words. */
export const activityMessages = (language: 'zh' | 'en') => ({
  data: inLanguage(DATA_FIELDS, language),
  ...inLanguage(WORDS, language),
});

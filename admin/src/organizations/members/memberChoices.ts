/** The roster's fixed values, as src/organizations/organizations.events.ts lists them (labels in i18n/). */
export const genderChoices = ['male', 'female'].map((id) => ({ id, name: `choices.gender.${id}` }));
export const categoryChoices = ['full', 'probationary'].map((id) => ({ id, name: `choices.memberCategory.${id}` }));
export const memberStatusChoices = ['active', 'removed'].map((id) => ({ id, name: `choices.memberStatus.${id}` }));
export const removalReasonChoices = [
  'transferred_out_of_county',
  'deceased',
  'expelled',
  'lapsed',
  'probation_cancelled',
  'other',
].map((id) => ({ id, name: `choices.removalReason.${id}` }));

/** The import template's headers: the server's export columns, so an exported roster imports back. */
export const TEMPLATE_HEADERS = [
  '姓名',
  '性别',
  '出生日期',
  '所在单位',
  '所属党组织',
  '党员类别',
  '入党时间',
  '职务岗位',
  '是否任课教师',
];

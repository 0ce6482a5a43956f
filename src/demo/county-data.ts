/**
 * Names for the demo county, after Pucheng (蒲城县). The four pairing communities and their
 * schools are those of seed document 004 (蒲教党发〔2019〕33号); the rest is invented but plausible.
 */
export const PAIRINGS = [
  { helper: '桥山中学', helped: '兴华学校' },
  { helper: '城南学校', helped: '雏鹰学校' },
  { helper: '东槐院小学', helped: '梦圆学校' },
  { helper: '桥陵镇中心小学', helped: '丰阳学校' },
] as const;

export const DISTRICTS = ['城区片区', '东片区', '西片区', '南片区', '北片区'] as const;

/** Public schools with their district and central school (中心校). */
export const PUBLIC_SCHOOLS: readonly [string, (typeof DISTRICTS)[number], string | null][] = [
  ['桥山中学', '城区片区', null],
  ['城南学校', '城区片区', null],
  ['东槐院小学', '城区片区', null],
  ['桥陵镇中心小学', '北片区', '桥陵镇中心校'],
  ['蒲城县城关中学', '城区片区', null],
  ['尧山中学', '城区片区', null],
  ['罕井镇初级中学', '北片区', '罕井镇中心校'],
  ['罕井镇中心小学', '北片区', '罕井镇中心校'],
  ['孙镇初级中学', '东片区', '孙镇中心校'],
  ['孙镇中心小学', '东片区', '孙镇中心校'],
  ['兴镇中心小学', '东片区', '兴镇中心校'],
  ['党睦镇中心小学', '东片区', '党睦镇中心校'],
  ['高阳镇初级中学', '西片区', '高阳镇中心校'],
  ['永丰镇中心小学', '西片区', '永丰镇中心校'],
  ['荆姚镇中心小学', '西片区', '荆姚镇中心校'],
  ['龙阳镇初级中学', '南片区', '龙阳镇中心校'],
  ['苏坊镇中心小学', '南片区', '苏坊镇中心校'],
  ['椿林镇中心小学', '南片区', '椿林镇中心校'],
];

export const PRIVATE_SCHOOLS = [
  '兴华学校',
  '雏鹰学校',
  '梦圆学校',
  '丰阳学校',
  '尧山育才学校',
  '蒲城博雅学校',
] as const;

const KINDERGARTEN_STEMS = [
  '小太阳',
  '金太阳',
  '育苗',
  '童乐',
  '阳光',
  '星星',
  '蓓蕾',
  '启智',
  '贝贝',
  '春苗',
  '七彩',
  '爱心',
  '苗苗',
  '乐乐',
  '蓝天',
  '小天使',
  '智慧树',
  '快乐岛',
  '红缨',
  '新蕾',
];
const TOWNS = [
  '城关',
  '桥陵',
  '罕井',
  '孙镇',
  '兴镇',
  '党睦',
  '高阳',
  '永丰',
  '荆姚',
  '龙阳',
  '苏坊',
  '椿林',
  '陈庄',
  '龙池',
  '洛滨',
  '尧山',
];
const TRAINING_STEMS = ['启航', '博学', '思源', '明德', '新航道', '书香', '翰林', '卓越', '育英', '求知'];

export const kindergartenName = (i: number) =>
  `${TOWNS[i % TOWNS.length]}${KINDERGARTEN_STEMS[i % KINDERGARTEN_STEMS.length]}幼儿园`;
export const trainingName = (i: number) =>
  `蒲城县${TRAINING_STEMS[i % TRAINING_STEMS.length]}${['教育', '培训', '文化艺术'][i % 3]}学校${i >= TRAINING_STEMS.length ? `（${TOWNS[i % TOWNS.length]}校区）` : ''}`;

export const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
export const GIVEN_FEMALE = [
  '芳',
  '丽',
  '娜',
  '静',
  '敏',
  '燕',
  '艳',
  '娟',
  '霞',
  '婷',
  '雪',
  '慧',
  '莉',
  '欣',
  '倩',
  '洁',
  '玲',
  '红',
  '璐',
  '悦',
];
export const GIVEN_MALE = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '刚',
  '平',
  '辉',
  '鹏',
  '华',
  '飞',
  '斌',
  '浩',
  '建',
  '峰',
  '宇',
];
export const SUBJECTS = [
  '语文教师',
  '数学教师',
  '英语教师',
  '物理教师',
  '化学教师',
  '历史教师',
  '政治教师',
  '体育教师',
  '音乐教师',
  '美术教师',
  '信息技术教师',
  '班主任',
];

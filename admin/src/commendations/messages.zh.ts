/** Commendations (两优一先) in Simplified Chinese: cycles and the cycle board. */
export const zh = {
  resources: {
    'commendation-cycles': {
      name: '“两优一先”评选',
      fields: {
        q: '搜索',
        id: '编号',
        year: '年度',
        name: '评选',
        nominationsDueOn: '推荐截止',
        decisionDueOn: '表彰决定期限',
        publicityWorkingDays: '公示期（工作日）',
        openedOn: '启动日期',
        nominations: '推荐人数',
        decidedOn: '表彰决定日期',
        quotas: '名额',
        'quotas.outstanding_member': '优秀共产党员名额',
        'quotas.outstanding_party_worker': '优秀党务工作者名额',
        'quotas.advanced_party_org': '先进基层党组织名额',
      },
    },
  },
  commendations: {
    status: { nominated: '已推荐', vetoed: '一票否决', awarded: '已表彰', not_awarded: '未表彰', revoked: '已撤销' },
    column: { title: '称号', nominee: '推荐人选', org: '推荐党组织', status: '状态', veto: '否决原因', quota: '名额' },
    publicity: '公示：%{from} 至 %{to}',
    noPublicity: '尚未公示',
    decided: '表彰决定：%{on}（%{document}）',
    until: '至 %{until}',
    action: { nominate: '推荐人选', publicity: '开始公示', decide: '作出表彰决定' },
    field: {
      title: '称号',
      nomineeId: '党员',
      orgNominee: '党组织',
      merits: '主要事迹',
      from: '公示开始日期',
      decidedOn: '决定日期',
      decidingBody: '决定机关',
      documentNumber: '文号',
    },
  },
};

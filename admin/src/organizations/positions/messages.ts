const zh = {
  resources: {
    positions: {
      name: '职务',
      fields: {
        orgId: '党组织',
        orgName: '党组织',
        memberId: '党员',
        memberName: '姓名',
        title: '职务',
        crossAppointment: '交叉任职',
        from: '任职日期',
        to: '免职日期',
        current: '现任',
      },
      none: '暂无任职记录',
      current_post: '现任',
      actions: '操作',
    },
  },
};

const en: typeof zh = {
  resources: {
    positions: {
      name: 'Post holder |||| Post holders',
      fields: {
        orgId: 'Party organisation',
        orgName: 'Party organisation',
        memberId: 'Member',
        memberName: 'Name',
        title: 'Post',
        crossAppointment: 'Cross appointment',
        from: 'From',
        to: 'To',
        current: 'Current',
      },
      none: 'No posts recorded',
      current_post: 'current',
      actions: 'Actions',
    },
  },
};

/** Post holders: the list of posts across organisations. */
export const positionMessages = { zh, en };

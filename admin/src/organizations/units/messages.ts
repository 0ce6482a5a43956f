import { UNIT_TYPE_LABELS } from '../../../../src/organizations/organizations.events.js';
import { inLanguage } from '../../i18n/labels.js';

const zh = {
  resources: {
    units: {
      name: '单位',
      fields: {
        q: '搜索',
        id: '编号',
        name: '名称',
        type: '类型',
        district: '片区',
        centralSchool: '中心校',
        revision: '版本',
        registeredAt: '登记时间',
        updatedAt: '更新时间',
        fullMembers: '正式党员数',
        ownOrgId: '本单位党组织',
        hostOrgId: '挂靠党组织',
        needsOwnOrganization: '应单独建立党组织',
        needsCommittee: '应设立支部委员会',
      },
      needs_own_organization: '应单独建立党组织',
      needs_committee: '应设立支部委员会',
      needs_own_organization_warning: '本单位有 %{count} 名正式党员，尚无本单位党组织：应单独建立党组织',
      needs_committee_warning: '本单位有 %{count} 名正式党员：应设立支部委员会',
      roster_flags: '党组织设置提示',
      renamed: '单位已更名为“%{name}”',
      registered: '单位“%{name}”已登记',
      rename_help: '单位只能更名；保存时会核对版本，若他人已修改，请刷新后重试。',
    },
  },
  commands: {
    affiliate: '挂靠党组织',
    affiliate_help: '“%{name}”有 %{count} 名正式党员（不足 3 名），尚无本单位党组织，可挂靠到一个党组织。',
    affiliate_done: '“%{name}”已挂靠',
    host_org: '挂靠党组织',
    end_affiliation: '解除挂靠',
    end_affiliation_help: '解除“%{name}”当前的挂靠关系。',
    end_affiliation_done: '“%{name}”已解除挂靠',
  },
  choices: {
    unitType: inLanguage(UNIT_TYPE_LABELS, 'zh'),
  },
};

const en: typeof zh = {
  resources: {
    units: {
      name: 'Unit |||| Units',
      fields: {
        q: 'Search',
        id: 'ID',
        name: 'Name',
        type: 'Type',
        district: 'District',
        centralSchool: 'Central school',
        revision: 'Revision',
        registeredAt: 'Registered at',
        updatedAt: 'Updated at',
        fullMembers: 'Full members',
        ownOrgId: 'Own Party organisation',
        hostOrgId: 'Host organisation',
        needsOwnOrganization: 'Needs its own organisation',
        needsCommittee: 'Needs a committee',
      },
      needs_own_organization: 'Should set up its own Party organisation',
      needs_committee: 'Should set up a branch committee',
      needs_own_organization_warning:
        'The unit has %{count} full members and no Party organisation of its own: it should set one up',
      needs_committee_warning: 'The unit has %{count} full members: it should set up a branch committee',
      roster_flags: 'Organisation set-up',
      renamed: 'The unit is now called “%{name}”',
      registered: 'Unit “%{name}” registered',
      rename_help:
        'A unit can only be renamed; saving checks the revision: if someone else changed it, reload and try again.',
    },
  },
  commands: {
    affiliate: 'Affiliate to host',
    affiliate_help:
      '“%{name}” has %{count} full members (fewer than 3) and no organisation of its own: a Party organisation may host it.',
    affiliate_done: '“%{name}” is now affiliated',
    host_org: 'Host organisation',
    end_affiliation: 'End affiliation',
    end_affiliation_help: 'End the current affiliation of “%{name}”.',
    end_affiliation_done: 'The affiliation of “%{name}” has ended',
  },
  choices: {
    unitType: inLanguage(UNIT_TYPE_LABELS, 'en'),
  },
};

/** Units: their screens, affiliation to a host organisation, and the unit types. */
export const unitMessages = { zh, en };

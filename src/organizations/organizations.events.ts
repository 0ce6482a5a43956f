import type { Event } from '../core/messages.js';
import { streamName } from '../core/messages.js';

/** Unit types (domain.md §1.2, §13). */
export const UNIT_TYPES = [
  'public_school',
  'private_school',
  'private_kindergarten',
  'offcampus_training_institution',
  'bureau_organ',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_LABELS: Record<UnitType, { zh: string; en: string }> = {
  public_school: { zh: '公办中小学', en: 'Public primary/secondary school' },
  private_school: { zh: '民办学校', en: 'Private school' },
  private_kindergarten: { zh: '民办幼儿园', en: 'Private kindergarten' },
  offcampus_training_institution: { zh: '校外培训机构', en: 'Off-campus training institution' },
  bureau_organ: { zh: '局机关及直属单位', en: 'Bureau organ or directly affiliated unit' },
};

export type UnitRegistered = Event<
  'UnitRegistered',
  { unitId: string; name: string; type: UnitType; district: string | null; centralSchool: string | null }
>;
export type UnitRenamed = Event<'UnitRenamed', { unitId: string; name: string; previousName: string }>;

export type UnitEvent = UnitRegistered | UnitRenamed;

export const unitStream = (unitId: string) => streamName('unit', unitId);

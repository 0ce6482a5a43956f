import type { Bilingual } from '../core/errors.js';
import { EVIDENCE_CATEGORY_STAGE_SUMMARY, EVIDENCE_CATEGORY_YEAR_END_SUMMARY } from './evidence.events.js';

/**
 * The categories files are filed under, as data: the two summaries the campaign asks for (seed 004 §三.2 and
 * §三.3) and the five norms (五个规范, domain.md §8 and §13) by which Pucheng files its Party records. Only the
 * first three norms are named by the seed; the other two are the national phrasing, unconfirmed for Pucheng
 * (domain.md §8), kept here as editable data: renaming a label changes no stored event (events hold the key).
 */
export interface EvidenceCategory {
  key: string;
  label: Bilingual;
  /** One of the five norms (帮党建 records are filed by them). */
  norm: boolean;
}

export const EVIDENCE_CATEGORIES: readonly EvidenceCategory[] = [
  {
    key: EVIDENCE_CATEGORY_YEAR_END_SUMMARY,
    label: { zh: '年度书面总结', en: 'Year-end written summary' },
    norm: false,
  },
  { key: EVIDENCE_CATEGORY_STAGE_SUMMARY, label: { zh: '阶段性总结', en: 'Stage summary' }, norm: false },
  { key: 'norm_branch_setup', label: { zh: '支部设置标准化', en: 'Standardised branch set-up' }, norm: true },
  { key: 'norm_org_life', label: { zh: '组织生活正常化', en: 'Normalised organisational life' }, norm: true },
  { key: 'norm_facilities', label: { zh: '阵地建设规范化', en: 'Standardised facilities' }, norm: true },
  {
    key: 'norm_management_service',
    label: { zh: '管理服务精细化（待确认）', en: 'Refined management and service (unconfirmed)' },
    norm: true,
  },
  {
    key: 'norm_work_rules',
    label: { zh: '工作制度体系化（待确认）', en: 'Systematised work rules (unconfirmed)' },
    norm: true,
  },
];

export const EVIDENCE_CATEGORY_KEYS = EVIDENCE_CATEGORIES.map((c) => c.key) as [string, ...string[]];

export const categoryLabel = (key: string): Bilingual =>
  EVIDENCE_CATEGORIES.find((c) => c.key === key)?.label ?? { zh: key, en: key };

/** Half of a year: stage summaries are owed per half-year (H1 January–June, H2 July–December). */
export type Half = 'H1' | 'H2';

/**
 * The half-year a stage summary of `year` written on `on` covers: written within the year, the half it was
 * written in; written after the year (January's summary of the past half), the year's second half.
 */
export const halfCovered = (year: number, on: string): Half =>
  Number(on.slice(0, 4)) > year || Number(on.slice(5, 7)) > 6 ? 'H2' : 'H1';

/**
 * What makes an organisation's archive for a year "ready for inspection" (seed 004 §三.2, §三.3), by the
 * organisation's part in the campaign:
 * - a helper school (帮建学校): its year-end written summary (C2, due 30 November) and its Party-building
 *   records by the five norms;
 * - an affiliated organisation (挂靠党组织): a stage summary per half-year (C3);
 * - any other organisation: its records by the five norms.
 * An organisation is a helper school once it files anything for a pairing (the pairing feature's subject).
 */
export type ArchiveProfile = 'helper-school' | 'affiliated' | 'organisation';

export interface RequiredEntry {
  category: string;
  /** For stage summaries: the half-year owed. */
  half: Half | null;
}

const NORMS: RequiredEntry[] = EVIDENCE_CATEGORIES.filter((c) => c.norm).map((c) => ({
  category: c.key,
  half: null,
}));

export const REQUIRED_BY_PROFILE: Record<ArchiveProfile, readonly RequiredEntry[]> = {
  'helper-school': [{ category: EVIDENCE_CATEGORY_YEAR_END_SUMMARY, half: null }, ...NORMS],
  affiliated: [
    { category: EVIDENCE_CATEGORY_STAGE_SUMMARY, half: 'H1' },
    { category: EVIDENCE_CATEGORY_STAGE_SUMMARY, half: 'H2' },
  ],
  organisation: NORMS,
};

export const PROFILE_LABELS: Record<ArchiveProfile, Bilingual> = {
  'helper-school': { zh: '帮建学校', en: 'Helper school' },
  affiliated: { zh: '挂靠党组织', en: 'Affiliated organisation' },
  organisation: { zh: '党组织', en: 'Party organisation' },
};

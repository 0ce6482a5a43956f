/** An open obligation of a case as GET /api/development/obligations returns it (development-obligations.projection.ts). */
export interface ObligationRow {
  id: string;
  caseId: string;
  code: string;
  /** null: no fixed date, only "before the next step". */
  dueOn: string | null;
  /** Not possible before this day (A15 during the wait after a failed admission vote); null = no such limit. */
  notBefore: string | null;
  who: string;
  titleZh: string;
  titleEn: string;
  openedOn: string;
  closedOn: string | null;
}

/** Overdue: the due date is before today. */
export const isOverdue = (dueOn: string | null | undefined, today: string): boolean => Boolean(dueOn && dueOn < today);

export interface ObligationTiming {
  /** i18n key and date of each part to show, in order: the earliest day first, then the due date. */
  parts: { key: 'resources.development.not_before' | 'resources.development.due'; date: string }[];
  overdue: boolean;
  /** Today is before `notBefore`: the obligation cannot be met yet. */
  waiting: boolean;
}

/** What the admin says about an obligation's dates on `today` (yyyy-MM-dd, the county's day). */
export const obligationTiming = (
  { dueOn, notBefore }: Pick<ObligationRow, 'dueOn' | 'notBefore'>,
  today: string,
): ObligationTiming => ({
  parts: [
    ...(notBefore ? [{ key: 'resources.development.not_before' as const, date: notBefore }] : []),
    ...(dueOn ? [{ key: 'resources.development.due' as const, date: dueOn }] : []),
  ],
  overdue: isOverdue(dueOn, today),
  waiting: Boolean(notBefore && today < notBefore),
});

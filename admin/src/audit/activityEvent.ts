import type { TranslateFunction } from 'react-admin';
import { ID_FIELDS, nameKey, subjectReference, type NamedKind, type Reference } from '../../../src/audit/event-fields';
import { formatDateTime } from '../i18n/dates';

/** One line of the log as GET /api/activity serves it (src/audit/projections/activity.projection.ts). */
export interface ActivityEvent {
  id: string;
  position: string;
  type: string;
  stream: string;
  actorId: string;
  /** The actor's display name; null for the system (seeding, policies) or an unknown user. */
  actorName: string | null;
  actorRole: string;
  /** The command that wrote it, and its request's chain of work. */
  commandId: string;
  correlationId: string;
  occurredAt: string;
  recordedAt: string;
  unitIds: string[];
  subject: Reference | null;
  data: Record<string, unknown>;
  /** Current names of what the line refers to, by `kind:id`. */
  names: Record<string, string>;
  /** What else the same request (the same correlation id) wrote. */
  correlated: { id: string; position: string; type: string; stream: string; unitIds: string[] }[];
}

/** The admin resource each kind of name opens. */
export const RESOURCE_OF: Record<NamedKind, string> = {
  user: 'users',
  unit: 'units',
  organization: 'party-organizations',
  member: 'members',
  person: 'development',
  pairing: 'pairings',
  meeting: 'organizational-life',
  typicalCase: 'typical-cases',
  evidence: 'evidence',
};

/** A reference with its name, or the words for "not named" (no raw id ever reaches the screen). */
export interface Named extends Reference {
  name: string | null;
}

export const named = (event: Pick<ActivityEvent, 'names'>, ref: Reference): Named => ({
  ...ref,
  name: event.names[nameKey(ref)] ?? null,
});

/** Who: the actor's display name, or 系统 for the system's own commands. */
export const actorName = (translate: TranslateFunction, event: ActivityEvent): string =>
  event.actorName ?? (event.actorId === 'system' ? translate('choices.role.system') : translate('activity.unnamed'));

/** An event type in words; types the admin does not know yet are shown as they are. */
export const eventLabel = (translate: TranslateFunction, type: string): string =>
  translate(`choices.event.${type}`, { _: type });

/** The actor's roles in words (metadata keeps them comma-separated). */
export const roleLabel = (translate: TranslateFunction, role: string | null | undefined): string =>
  (role ?? '')
    .split(',')
    .filter(Boolean)
    .map((one) => translate(`choices.role.${one}`, { _: one }))
    .join(translate('activity.next_item'));

/** Enumerated values, by field, and where one field name means another thing in one event. */
const ENUMS: Record<string, string> = {
  gender: 'choices.gender',
  type: 'choices.unitType',
  kind: 'choices.orgKind',
  category: 'choices.memberCategory',
  role: 'choices.role',
  recommendation: 'choices.development.recommendation',
  conclusion: 'choices.development.conclusion',
  resolution: 'choices.development.resolution',
  decision: 'choices.development.decision',
  outcome: 'choices.development.outcome',
  archive: 'choices.development.archive',
  step: 'choices.developmentStep',
};
const ENUMS_IN: Record<string, Record<string, string>> = {
  PositionAssigned: { title: 'choices.positionTitle' },
  MemberRemoved: { reason: 'choices.removalReason' },
  EvidenceFiled: { category: 'choices.evidenceCategory' },
};
/** Label keys under `activity.data` where the event gives a field a meaning of its own. */
const LABELS_IN: Record<string, Record<string, string>> = {
  ApplicationSubmitted: { name: 'personName' },
  MemberEnrolled: { name: 'personName' },
  PositionAssigned: { title: 'positionTitle' },
  MemberRemoved: { reason: 'removalReason' },
  DevelopmentRecordAttached: { title: 'recordTitle' },
  EvidenceFiled: { name: 'fileName', size: 'fileSize', category: 'evidenceCategory', subject: 'evidenceSubject' },
};
/** Internal ids with no name of their own. */
const HIDDEN = new Set(['positionId', 'visitId', 'dispatchId', 'ownerId']);

export const fieldLabel = (translate: TranslateFunction, type: string, field: string): string => {
  const key = LABELS_IN[type]?.[field] ?? field;
  return translate(`activity.data.${key}`, { _: field });
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/;

/** One shown value: plain text, or a name to link to its page. */
export type Shown = { text: string } | { ref: Named };

/**
 * A data value in words: ids as the names they refer to, enumerated values as their labels, dates as
 * dates, yes or no, nested values (votes, records, contacts) flattened.
 */
export const showValue = (
  translate: TranslateFunction,
  event: Pick<ActivityEvent, 'type' | 'names'>,
  field: string,
  value: unknown,
): Shown[] => {
  if (value === null || value === undefined || value === '') return [{ text: '—' }];
  if (Array.isArray(value))
    return value.length ? value.flatMap((item) => showValue(translate, event, field, item)) : [{ text: '—' }];
  const kind = ID_FIELDS[field];
  if (kind && typeof value === 'string') return [{ ref: named(event, { kind, id: value }) }];
  if (typeof value === 'object') return [{ text: nested(translate, event, value as Record<string, unknown>) }];
  if (typeof value === 'boolean') return [{ text: translate(value ? 'activity.yes' : 'activity.no') }];
  const choices = ENUMS_IN[event.type]?.[field] ?? ENUMS[field];
  if (choices && typeof value === 'string') return [{ text: translate(`${choices}.${value}`, { _: value }) }];
  if (typeof value === 'string' && INSTANT.test(value)) return [{ text: formatDateTime(value) }];
  // Business dates (yyyy-MM-dd) are days of the county's calendar and stay as they are.
  return [{ text: String(value) }];
};

/** A record `{ title, reference, on }` as one line; a member `{ memberId, name }` by name; votes as counts. */
const nested = (
  translate: TranslateFunction,
  event: Pick<ActivityEvent, 'type' | 'names'>,
  value: Record<string, unknown>,
): string => {
  if ('memberId' in value)
    return event.names[nameKey({ kind: 'member', id: String(value.memberId) })] ?? String(value.name ?? '');
  // Another feature's thing an evidence file is filed for ({ feature, kind, id }), by its name.
  const subject = subjectReference(value);
  if (subject) return event.names[nameKey(subject)] ?? translate('activity.unnamed');
  if ('title' in value && 'reference' in value)
    return [value.title, value.reference, value.on].filter(Boolean).join(' · ');
  return Object.entries(value)
    .map(([key, inner]) => `${translate(`activity.data.${key}`, { _: key })} ${String(inner ?? '—')}`)
    .join(translate('activity.next_count'));
};

/**
 * The fields of an event worth showing, in their order: not the internal ids, and not the id of what
 * the line is about (its subject, already named beside it).
 */
export const shownFields = (event: ActivityEvent): [string, unknown][] =>
  Object.entries(event.data).filter(
    ([field, value]) =>
      !HIDDEN.has(field) && !(event.subject && ID_FIELDS[field] === event.subject.kind && value === event.subject.id),
  );

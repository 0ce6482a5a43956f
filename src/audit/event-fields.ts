/**
 * What the activity log knows about the shape of events, without reading any feature's tables: which
 * fields hold ids of what, which stream an event is about, what is never shown. Plain data and functions
 * (no I/O), so the admin reads the same map to link each id it shows to its page.
 */

/**
 * What the log can name: a user (by username), a unit, a Party organisation, a member, a person in development,
 * a pairing community, an organisational-life meeting, a typical case, an evidence file (by its file name).
 */
export type NamedKind =
  'user' | 'unit' | 'organization' | 'member' | 'person' | 'pairing' | 'meeting' | 'typicalCase' | 'evidence';

export interface Reference {
  kind: NamedKind;
  id: string;
}

/** The stream categories whose id is the thing the event is about. */
const SUBJECT_OF_STREAM: Record<string, NamedKind> = {
  user: 'user',
  unit: 'unit',
  partyOrg: 'organization',
  member: 'member',
  development: 'person',
  pairing: 'pairing',
  orglife: 'meeting',
  typicalCase: 'typicalCase',
  evidence: 'evidence',
  // An instructor's dispatches and visits (src/instructors): the instructor is a user, by username.
  instructor: 'user',
  affiliatedOrg: 'organization',
};

/**
 * The fields of event data that hold ids, and what they name. The contacts and introducers of a case
 * carry `memberId` inside their entries, so they are found by the same name.
 */
export const ID_FIELDS: Record<string, NamedKind> = {
  userId: 'user',
  instructorId: 'user',
  unitId: 'unit',
  unitIds: 'unit',
  fromUnitId: 'unit',
  toUnitId: 'unit',
  orgId: 'organization',
  orgIds: 'organization',
  parentId: 'organization',
  hostOrgId: 'organization',
  fromOrgId: 'organization',
  toOrgId: 'organization',
  memberId: 'member',
  personId: 'person',
  pairingId: 'pairing',
  meetingId: 'meeting',
  // Organisational life: a meeting's attendance and a Party lesson's lecturers are roster ids.
  present: 'member',
  absentWithLeave: 'member',
  absent: 'member',
  lecturers: 'member',
  evidenceId: 'evidence',
  // Reminders: whom a reminder reached.
  recipientId: 'user',
};

/** How a name is looked up: kinds share no key even if two of them ever shared an id. */
export const nameKey = ({ kind, id }: Reference) => `${kind}:${id}`;

/** Fields never shown in the log, whoever reads it. */
const SECRET_FIELDS = new Set(['passwordHash']);

/**
 * The system's own keys, made of other ids (a reminder's obligation `instructors.C1.<user>.<unit>.2026-03`,
 * its job key): they find its records again and tell a reader nothing the same line does not say in words
 * (the obligation's code, title, subject and due day). Kept in the event, not shown in the log.
 */
const SYSTEM_KEYS = new Set(['obligationId', 'reminderId', 'deliveryId']);

/** What the event is about: the thing its stream is the history of. */
export const subjectOf = (stream: string): Reference | null => {
  const dash = stream.indexOf('-');
  const kind = dash > 0 ? SUBJECT_OF_STREAM[stream.slice(0, dash)] : undefined;
  return kind ? { kind, id: stream.slice(dash + 1) } : null;
};

/**
 * The event's data as the log shows it: without secrets and the system's own keys, at any depth; a thing named
 * in words (`{ kind, id, name }`, an obligation's subject) without its raw id.
 */
export const shownData = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(shownData);
  if (!value || typeof value !== 'object') return value;
  const named = typeof (value as { name?: unknown }).name === 'string' && 'kind' in value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_FIELDS.has(key) && !SYSTEM_KEYS.has(key) && !(named && key === 'id'))
      .map(([key, inner]) => [key, shownData(inner)]),
  );
};

/** The kinds of another feature's things a `{ feature, kind, id }` subject (an evidence file's) may name. */
const KIND_OF_SUBJECT: Record<string, NamedKind> = {
  'party-org': 'organization',
  unit: 'unit',
  pairing: 'pairing',
  instructor: 'user',
  meeting: 'meeting',
};

/** A `{ feature, kind, id }` value (what an evidence file is filed for) as a reference the log can name. */
export const subjectReference = (value: unknown): Reference | null => {
  if (!value || typeof value !== 'object') return null;
  const { feature, kind, id } = value as Record<string, unknown>;
  if (typeof feature !== 'string' || typeof kind !== 'string' || typeof id !== 'string') return null;
  const named = Object.hasOwn(KIND_OF_SUBJECT, kind) ? KIND_OF_SUBJECT[kind] : undefined;
  return named ? { kind: named, id } : null;
};

/** Every reference the data holds, found by the id fields' names, at any depth. */
export const referencesIn = (value: unknown, field = ''): Reference[] => {
  if (Array.isArray(value)) return value.flatMap((item) => referencesIn(item, field));
  const subject = subjectReference(value);
  if (subject) return [subject];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => referencesIn(inner, key));
  const kind = ID_FIELDS[field];
  return kind && typeof value === 'string' ? [{ kind, id: value }] : [];
};

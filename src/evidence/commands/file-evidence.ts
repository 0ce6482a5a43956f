import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name, says } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import { EVIDENCE_CATEGORY_KEYS } from '../evidence-categories.js';
import { evidenceFile, type EvidenceFile } from '../evidence-file.js';
import { evidenceStream, type EvidenceFiled } from '../evidence.events.js';

/** A form field left empty is absent (a multipart form sends every field as text, empty or not). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullish());

const slug = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, { message: says('应为小写字母、数字和连字符', 'must be a-z, 0-9 and -') });

/**
 * The form fields sent with the file (multipart text fields, so numbers arrive as text). The subject is
 * a thing of any feature (`subjectFeature`, `subjectKind`, `subjectId`); it is not looked up, since the
 * feature that owns it may keep it anywhere: the archive files it as named.
 */
export const fileEvidenceFields = z.strictObject({
  subjectFeature: slug,
  subjectKind: slug,
  subjectId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, {
    message: says('应为 1–64 位字母、数字、_ 或 -', 'must be 1–64 of A-Z a-z 0-9 _ -'),
  }),
  orgId: optional(z.uuid()),
  year: z.coerce
    .number({ message: says('应为年份', 'must be a year') })
    .int()
    .min(2000)
    .max(2100),
  category: z.enum(EVIDENCE_CATEGORY_KEYS, {
    message: says(
      '应为印证资料分类之一（见 /api/evidence/categories）',
      'must be one of the evidence categories (see /api/evidence/categories)',
    ),
  }),
  title: optional(name(200)),
  /** The day the document is dated (a stage summary's half-year follows it); today when absent. */
  on: optional(localDate()),
});

/** The stored file as the upload left it: its content address and what the sniffer judged it to be. */
export interface StoredFile {
  sha256: string;
  size: number;
  name: string;
  mime: string;
}

export type FileEvidence = Command<
  'FileEvidence',
  Omit<z.output<typeof fileEvidenceFields>, 'on'> &
    StoredFile & {
      evidenceId: string;
      on: string;
      /** The units of the organisation it is filed for (the event's metadata): what scoped reads go by. */
      unitIds: string[];
    }
>;

/** The uploaded file's own name (shown and offered on download, never a path). */
export const fileNameSchema = name(255);

/** Files a stored file against its subject, organisation, year and category: once per evidence id. */
export const fileEvidence = ({ data, metadata }: FileEvidence, state: EvidenceFile): EvidenceFiled => {
  if (state.status !== 'none')
    throw new DomainError(
      'evidence.exists',
      { zh: '该印证资料已归档', en: 'This evidence is on file already' },
      'evidenceId',
      409,
    );
  notInFuture(data.on, metadata, 'on', 'evidence.date-in-future');
  if (Number(data.on.slice(0, 4)) < data.year)
    throw new DomainError(
      'evidence.year-after-document',
      {
        zh: `文件日期 ${data.on} 早于归档年度 ${data.year}：不能为尚未开始的年度归档`,
        en: `The document is dated ${data.on}, before the year ${data.year} it is filed for`,
      },
      'year',
    );
  return {
    type: 'EvidenceFiled',
    data: {
      evidenceId: data.evidenceId,
      sha256: data.sha256,
      size: data.size,
      name: data.name,
      mime: data.mime,
      subject: { feature: data.subjectFeature, kind: data.subjectKind, id: data.subjectId },
      orgId: data.orgId ?? null,
      year: data.year,
      category: data.category,
      title: data.title ?? null,
    },
    metadata: { occurredAt: occurredOn(data.on), unitIds: data.unitIds },
  };
};

export class FileEvidenceCommand extends CommandMessage<FileEvidence, EvidenceFile> {}

@CommandHandler(FileEvidenceCommand)
export class FileEvidenceHandler implements ICommandHandler<FileEvidenceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: FileEvidenceCommand) {
    return handleCommand(
      this.store,
      evidenceStream(command.data.evidenceId),
      evidenceFile,
      (state) => fileEvidence(command, state),
      command.metadata,
      options,
    );
  }
}

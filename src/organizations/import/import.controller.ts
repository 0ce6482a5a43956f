import { Body, Controller, HttpException, Inject, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { command } from '../../core/command-handling.js';
import { CommandGateway } from '../../core/command-gateway.js';
import { uuidFrom } from '../../core/ids.js';
import { DomainError, ValidationError } from '../../core/errors.js';
import { Allow } from '../../core/http/access.js';
import { BodySchema, FileUpload } from '../../core/http/openapi.js';
import { uploadOptions } from '../../core/http/upload.js';
import { commandMetadataFrom, type ActorRequest } from '../../core/http/request-context.js';
import { orgInScope } from '../../core/http/scope.js';
import { parseWith } from '../../core/http/validation.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import { READ_MODEL_DB } from '../../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../../core/time/clock.js';
import { EnrollMemberCommand } from '../commands/enroll-member.js';
import { RosterFacts } from '../roster-facts.js';
import { ImportPreviews } from './import-previews.js';
import { checkRoster, type MemberDraft } from './roster-import.js';
import { readTable } from './spreadsheet.js';

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const PREVIEW_TTL_MS = 30 * 60_000;
/** Rows the preview shows (the wizard's table); every row is checked and counted. */
const SAMPLE_ROWS = 100;
const confirmBody = z.strictObject({ token: z.string().uuid() });

/**
 * Roster import in two steps: upload → a preview listing every row's errors and which rows are
 * members already on the roster (nothing written); confirm → one EnrollMember command per new row,
 * only for a file with no errors. Rows already on the roster are skipped, and each new row is looked
 * up again just before it is enrolled, so re-importing an exported roster, confirming twice, or two
 * previews of one file enrol nobody twice. Member ids derive from the preview, so a retried confirm
 * meets its own enrolments as `member.exists`. Residual window: two confirms of different files
 * running at the same instant could both enrol one new person (no claim per person is taken).
 * Previews wait in the read-model file (ImportPreviews), so a restart or another instance can confirm them.
 */
@Controller('members/import')
export class MemberImportController {
  private readonly previews: ImportPreviews;

  constructor(
    private readonly commands: CommandGateway,
    private readonly roster: RosterFacts,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.previews = new ImportPreviews(db, PREVIEW_TTL_MS);
  }

  @Post('preview')
  @Allow('members', 'create')
  @FileUpload(
    'file',
    'The roster as .xlsx or .csv (UTF-8 or GB18030), at most 5 MB, headers in the first row (zh or en)',
  )
  @UseInterceptors(FileInterceptor('file', uploadOptions({ fileSize: MAX_FILE_BYTES, files: 1 })))
  async preview(
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Req() request: ActorRequest,
  ) {
    if (!file)
      throw new ValidationError([
        {
          field: 'file',
          code: 'required',
          message: { zh: '请上传 .xlsx 或 .csv 文件', en: 'Upload an .xlsx or .csv file' },
        },
      ]);
    const table = await readTable(file.buffer).catch(() => {
      throw new ValidationError([
        {
          field: 'file',
          code: 'unreadable',
          message: { zh: '无法读取该文件，请使用 .xlsx 或 .csv', en: 'The file cannot be read; use .xlsx or .csv' },
        },
      ]);
    });
    const actor = request.user!;
    const inScope = (orgId: string) => orgInScope(actor, orgId);
    const check = checkRoster(
      table,
      this.roster,
      {
        memberById: (id) => {
          const row = statement(this.db, 'SELECT id, org_id AS orgId FROM members WHERE id = ?').get(id) as
            { id: string; orgId: string } | undefined;
          return row && inScope(row.orgId) ? row.id : null;
        },
        memberLike: (draft) => this.memberLike(draft),
        unitByName: (name) =>
          (statement(this.db, 'SELECT id FROM units WHERE name = ?').get(name) as { id: string } | undefined)?.id ??
          null,
        orgByName: (name) => {
          const id =
            (statement(this.db, 'SELECT id FROM party_orgs WHERE name = ?').get(name) as { id: string } | undefined)
              ?.id ?? null;
          return id && inScope(id) ? id : null;
        },
      },
      commandMetadataFrom(request, this.clock),
    );
    const token = randomUUID();
    this.previews.save(token, { ...check, actorId: actor.id }, this.clock.now());
    const existing = check.rows.filter((row) => row.status === 'existing').length;
    return {
      token,
      fileName: file.originalname,
      rows: check.rows.length + new Set(check.errors.map((e) => e.row)).size,
      valid: check.errors.length === 0,
      errors: check.errors,
      newRows: check.rows.length - existing,
      existingRows: existing,
      sample: check.rows.slice(0, SAMPLE_ROWS),
    };
  }

  @Post('confirm')
  @Allow('members', 'create')
  @BodySchema(confirmBody)
  async confirm(@Body() body: unknown, @Req() request: ActorRequest) {
    const { token } = parseWith(confirmBody, body);
    const preview = this.previews.find(token, request.user!.id, this.clock.now());
    if (!preview) {
      throw new HttpException(
        {
          code: 'import.preview-unknown',
          message: { zh: '预览已过期或不存在，请重新上传', en: 'The preview expired or does not exist; upload again' },
          field: 'token',
        },
        404,
      );
    }
    if (preview.errors.length > 0) {
      throw new DomainError(
        'import.has-errors',
        {
          zh: `文件有 ${preview.errors.length} 处错误，请修改后重新上传`,
          en: `The file has ${preview.errors.length} errors; fix them and upload again`,
        },
        'token',
      );
    }
    let enrolled = 0;
    let skipped = 0;
    for (const [index, { row, status, memberId: _existing, ...draft }] of preview.rows.entries()) {
      const memberId = uuidFrom(`${token}:${row}`);
      if (status === 'existing' || this.memberLike(draft)) {
        skipped++;
        continue;
      }
      try {
        await this.commands.send(
          new EnrollMemberCommand(
            command('EnrollMember', { ...draft, memberId }, commandMetadataFrom(request, this.clock)),
          ),
          // Rows of one file never match each other (duplicates are errors): only the last write is
          // waited for, so that the roster read after the import shows it.
          index < preview.rows.length - 1 ? 0 : undefined,
        );
        enrolled++;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'member.exists') skipped++;
        else throw error;
      }
    }
    return { enrolled, skipped };
  }

  /** An active member of the organisation with the same name and birth date: the same person. */
  private memberLike({ name, birthDate, orgId }: Pick<MemberDraft, 'name' | 'birthDate' | 'orgId'>) {
    return (
      (
        statement(
          this.db,
          "SELECT id FROM members WHERE org_id = ? AND name = ? AND birth_date IS ? AND status = 'active' LIMIT 1",
        ).get(orgId, name, birthDate) as { id: string } | undefined
      )?.id ?? null
    );
  }
}

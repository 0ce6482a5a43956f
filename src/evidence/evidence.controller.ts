import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpException,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { DomainError, NotFoundError, ValidationError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { parseListQuery, setContentRange, type ListQuery } from '../core/http/list-query.js';
import { BodySchema, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type Actor, type ActorRequest } from '../core/http/request-context.js';
import { orgInScope, orgOutOfScope, reachOf, scopeOf } from '../core/http/scope.js';
import { parseWith, says } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { BlobStore } from './blob-store.js';
import { FileEvidenceCommand, fileEvidenceFields, fileNameSchema } from './commands/file-evidence.js';
import { WithdrawEvidenceCommand, withdrawEvidenceBody } from './commands/withdraw-evidence.js';
import { attachment } from './content-disposition.js';
import { EVIDENCE_CATEGORIES, PROFILE_LABELS, REQUIRED_BY_PROFILE } from './evidence-categories.js';
import { EvidenceUploadInterceptor, type UploadedEvidence } from './evidence-upload.js';
import { writeArchiveZip } from './evidence-zip.js';
import { ALLOWED_TYPES_TEXT } from './file-types.js';
import {
  archiveOf,
  archiveOrg,
  archiveOrgs,
  evidenceList,
  getEvidence,
  listEvidence,
  unitsOfOrg,
  type EvidenceRow,
} from './projections/evidence-queries.js';

const archiveParams = z.strictObject({
  orgId: z.uuid(),
  year: z.coerce
    .number({ message: says('应为年份', 'must be a year') })
    .int()
    .min(2000)
    .max(2100),
});

const EVIDENCE = { zh: '印证资料', en: 'Evidence' };
const ORGANISATION = { zh: '党组织', en: 'Party organisation' };

/**
 * The upload's multipart form in /api/docs: the file, and its text fields from the very schema that
 * validates them (fileEvidenceFields), so the docs cannot drift from the route.
 */
const EvidenceUploadBody = () => {
  const fields = z.toJSONSchema(fileEvidenceFields, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      required: true,
      schema: {
        type: 'object',
        required: ['file', ...(fields.required ?? [])],
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description:
              'PDF, PNG/JPEG/GIF/WebP or doc/docx/xls/xlsx/ppt/pptx (judged by content), at most ' +
              'EVIDENCE_MAX_FILE_BYTES (50 MB by default). Send the text fields before it.',
          },
          ...fields.properties,
        },
      },
    }),
  );
};

/** The last path segment of a client's file name: browsers send none, but a client may send `../../x`. */
const baseName = (name: string) => name.split(/[/\\]/).pop() ?? '';

/**
 * Evidence (印证资料): upload and file, list, read, download, withdraw, and the archive by organisation and
 * year with what is present and missing, downloadable as one streamed zip. Reads are narrowed to the
 * organisations a scoped caller may look at (files without an organisation: only those who see all).
 */
@Controller('evidence')
export class EvidenceController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly blobs: BlobStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('categories')
  @Allow('evidence', 'list')
  @ApiOkResponse({
    description:
      'The categories files are filed under (key, zh/en label, whether one of the five norms), what each ' +
      "organisation's part in the campaign requires to be ready for inspection, the file types accepted and " +
      'the largest file (bytes).',
  })
  categories() {
    return {
      categories: EVIDENCE_CATEGORIES,
      profiles: Object.entries(REQUIRED_BY_PROFILE).map(([key, required]) => ({
        key,
        label: PROFILE_LABELS[key as keyof typeof PROFILE_LABELS],
        required,
      })),
      allowedTypes: ALLOWED_TYPES_TEXT,
      maxFileBytes: this.config.evidence.maxFileBytes,
    };
  }

  @Post()
  @Allow('evidence', 'create')
  @EvidenceUploadBody()
  @UseInterceptors(EvidenceUploadInterceptor)
  async upload(@Req() request: ActorRequest & { file?: UploadedEvidence }) {
    const file = request.file;
    try {
      if (!file)
        throw new ValidationError([
          {
            field: 'file',
            code: 'required',
            message: {
              zh: '请在 multipart/form-data 表单的 file 字段中上传文件',
              en: 'Upload the file in the `file` field of a multipart/form-data form',
            },
          },
        ]);
      const fields = parseWith(fileEvidenceFields, { ...(request.body as object) });
      const name = parseWith(z.strictObject({ file: fileNameSchema }), { file: baseName(file.originalname) }).file;
      const orgId = fields.orgId ?? null;
      this.assertMayFile(request.user!, orgId, fields);
      const evidenceId = newRecordId(request);
      await this.blobs.keep(file.path, file.sha256);
      const metadata = commandMetadataFrom(request, this.clock);
      const receipt = await this.commands.send(
        new FileEvidenceCommand(
          command(
            'FileEvidence',
            {
              ...fields,
              orgId,
              evidenceId,
              sha256: file.sha256,
              size: file.size,
              name,
              mime: file.type.mime,
              on: fields.on ?? shanghaiDate(metadata.now),
              unitIds: orgId ? unitsOfOrg(this.db, orgId) : [],
            },
            metadata,
          ),
        ),
      );
      return { ...(getEvidence(this.db, evidenceId) ?? {}), id: evidenceId, ...receipt };
    } finally {
      if (file) await this.blobs.discard(file.path); // kept files were moved; a refused one goes
    }
  }

  /**
   * Who may file for an organisation: those who see all; a secretary for the organisations they answer
   * for; an instructor their own stage summary (subject: themselves) for an organisation covering one
   * of their units, or for none.
   */
  private assertMayFile(
    actor: Actor,
    orgId: string | null,
    fields: { subjectFeature: string; subjectKind: string; subjectId: string },
  ) {
    if (orgId !== null && !archiveOrg(this.db, orgId))
      throw new DomainError(
        'evidence.org-unknown',
        { zh: `未找到党组织：${orgId}`, en: `No Party organisation ${orgId}` },
        'orgId',
      );
    if (actor.unrestricted || (orgId !== null && orgInScope(actor, orgId))) return;
    const ownStageSummary =
      actor.roles.includes('instructor') &&
      fields.subjectFeature === 'instructors' &&
      fields.subjectKind === 'instructor' &&
      fields.subjectId === actor.id &&
      (orgId === null || scopeOf(actor).visibleOrgIds.includes(orgId));
    if (ownStageSummary) return;
    if (orgId === null)
      throw new DomainError(
        'evidence.org-required',
        { zh: '请选择归档的党组织', en: 'Choose the Party organisation whose archive holds the file' },
        'orgId',
      );
    throw orgOutOfScope();
  }

  @Get()
  @Allow('evidence', 'list')
  @ListRoute(evidenceList)
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, evidenceList);
    const { rows, total } = listEvidence(this.db, this.withinReach(listQuery, request.user));
    setContentRange(response, 'evidence', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('orgs')
  @Allow('evidence', 'list')
  @ApiOkResponse({ description: 'The organisations whose archives the caller may open, by pinyin, with their files.' })
  orgs(@Req() request: ActorRequest) {
    return archiveOrgs(this.db, reachOf(request.user) ? scopeOf(request.user!).visibleOrgIds : null);
  }

  @Get('archive/:orgId/:year')
  @Allow('evidence', 'list')
  @ApiOkResponse({
    description:
      "The organisation's archive for the year: its part in the campaign (`profile`), each required entry " +
      '(category, half-year for stage summaries) with `present` and its files, other categories holding files, ' +
      '`missing`, `ready` (ready for inspection: nothing missing) and the withdrawn files kept for audit.',
  })
  archive(@Param() params: Record<string, string>, @Req() request: ActorRequest) {
    const { orgId, year } = parseWith(archiveParams, params);
    return archiveOf(this.db, this.visibleOrg(request.user, orgId), year);
  }

  @Get('archive/:orgId/:year/zip')
  @Allow('evidence', 'export')
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description:
      "The organisation's archive for the year as one zip, streamed: a folder per category (Chinese names, " +
      'UTF-8 flag set) and 清单.csv listing every file and every missing entry.',
  })
  async archiveZip(@Param() params: Record<string, string>, @Req() request: ActorRequest, @Res() response: Response) {
    const { orgId, year } = parseWith(archiveParams, params);
    const archive = archiveOf(this.db, this.visibleOrg(request.user, orgId), year);
    const absent = await this.firstAbsentBlob(archive.entries.flatMap((e) => e.files));
    if (absent) throw bytesMissing(absent);
    response.setHeader('Content-Type', 'application/zip');
    response.setHeader('Content-Disposition', attachment(`${archive.org.name}-${year}年印证资料.zip`));
    response.setHeader('Cache-Control', 'private, no-store');
    await writeArchiveZip(archive, this.blobs, response).catch((error: unknown) => {
      // Headers are gone: all that is left is to cut the connection so the client sees a broken download.
      response.destroy(error instanceof Error ? error : undefined);
    });
  }

  @Get(':id')
  @Allow('evidence', 'show')
  show(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    return this.visibleEvidence(request.user, id);
  }

  @Get(':id/download')
  @Allow('evidence', 'show')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file as uploaded, with its Content-Type and its name in Content-Disposition (RFC 5987 UTF-8).',
  })
  async download(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest, @Res() response: Response) {
    const row = this.visibleEvidence(request.user, id);
    if (!(await this.blobs.present(row))) throw bytesMissing(row);
    response.setHeader('Content-Type', row.mime);
    response.setHeader('Content-Length', String(row.size));
    response.setHeader('Content-Disposition', attachment(row.name));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    await pipeline(this.blobs.open(row.sha256), response).catch(() => response.destroy());
  }

  @Post(':id/withdraw')
  @Allow('evidence', 'edit')
  @BodySchema(withdrawEvidenceBody)
  async withdraw(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { reason } = parseWith(withdrawEvidenceBody, body);
    const row = this.visibleEvidence(request.user, id);
    if (
      !request.user!.unrestricted &&
      !(row.orgId && orgInScope(request.user, row.orgId)) &&
      row.filedBy !== request.user!.id
    )
      throw orgOutOfScope();
    const receipt = await this.commands.send(
      new WithdrawEvidenceCommand(
        command('WithdrawEvidence', { evidenceId: id, reason }, commandMetadataFrom(request, this.clock)),
      ),
    );
    return { ...getEvidence(this.db, id), ...receipt };
  }

  /**
   * A scoped caller's files: those of the organisations they may look at, and those they filed themselves
   * (an instructor's own stage summary filed for no organisation), as `visibleEvidence` judges one file.
   */
  private withinReach(query: ListQuery, actor: Actor | undefined): ListQuery {
    if (!reachOf(actor)) return query;
    const condition = '(f.org_id IN (SELECT value FROM json_each(?)) OR f.filed_by = ?)';
    return {
      ...query,
      where: query.where ? `${query.where} AND ${condition}` : `WHERE ${condition}`,
      params: [...query.params, JSON.stringify(scopeOf(actor!).visibleOrgIds), actor!.id],
    };
  }

  private visibleOrg(actor: Actor | undefined, orgId: string) {
    const org = archiveOrg(this.db, orgId);
    if (!org) throw new NotFoundError(ORGANISATION, orgId);
    if (reachOf(actor) && !scopeOf(actor!).visibleOrgIds.includes(orgId)) throw orgOutOfScope();
    return org;
  }

  /** A file the caller may look at: those who see all, any; a scoped caller, its organisations' (404 otherwise). */
  private visibleEvidence(actor: Actor | undefined, id: string): EvidenceRow {
    const row = getEvidence(this.db, id);
    if (!row) throw new NotFoundError(EVIDENCE, id);
    const scoped = reachOf(actor);
    if (scoped && !(row.orgId && scopeOf(actor!).visibleOrgIds.includes(row.orgId)) && row.filedBy !== actor!.id)
      throw orgOutOfScope();
    return row;
  }

  private async firstAbsentBlob(files: EvidenceRow[]) {
    for (const file of files) if (!(await this.blobs.present(file))) return file;
    return null;
  }
}

/** The event says the file was stored, the folder has lost it (restored from a backup without DATA_DIR/evidence). */
const bytesMissing = (row: Pick<EvidenceRow, 'name' | 'sha256'>) =>
  new HttpException(
    {
      code: 'evidence.bytes-missing',
      message: {
        zh: `文件“${row.name}”的内容不在数据目录中（DATA_DIR/evidence），请管理员从备份恢复`,
        en: `The bytes of "${row.name}" are not in the data folder (DATA_DIR/evidence): an administrator must restore them`,
      },
    },
    404,
  );

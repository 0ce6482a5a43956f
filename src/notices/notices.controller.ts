import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { DomainError, NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { parseListQuery, setContentRange, type ListQuery } from '../core/http/list-query.js';
import { BodySchema, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type Actor, type ActorRequest } from '../core/http/request-context.js';
import { scopeOf } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import { OBLIGATION_SOURCES, type PublishedObligations } from '../core/obligations.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { EvidenceFacts } from '../evidence/evidence.facts.js';
import { OrganizationsFacts } from '../organizations/organizations.facts.js';
import { acknowledgeNotice, acknowledgeNoticeBody, urgeNotice, urgeNoticeBody } from './commands/acknowledge.js';
import {
  approveNotice,
  approveNoticeBody,
  returnNotice,
  returnNoticeBody,
  submitNotice,
  submitNoticeBody,
} from './commands/approval.js';
import { ChangeNoticeSettingsCommand, noticeSettingsBody } from './commands/change-settings.js';
import { draftNotice, editNotice, editNoticeBody, noticeContentBody } from './commands/draft-notice.js';
import { circulateNotice, circulateNoticeBody, issueNotice, issueNoticeBody } from './commands/issue-notice.js';
import { NOTICE, NoticeCommand, type NoticeCommandOf } from './commands/notice-command.js';
import {
  closeNotice,
  closeNoticeBody,
  reportRectification,
  reportRectificationBody,
  sendBackRectification,
  sendBackRectificationBody,
} from './commands/rectification.js';
import type { Notice } from './notice.js';
import type { NoticeEvent, NoticeSettings } from './notices.events.js';
import {
  allUnitIds,
  circulatedToAny,
  currentSettings,
  getNotice,
  historyOf,
  inboxList,
  listInbox,
  listNotices,
  noticeList,
  recipientsOf,
  rectificationsOf,
  unitNames,
  unreadCount,
} from './projections/notice-queries.js';
import { noticeWithNumber } from './projections/notices.projection.js';
import { laggingUnits } from './projections/suggestions.js';

/** The units a scoped actor (a secretary) answers for; null for those who see everything. */
const unitsOf = (actor: Actor | undefined): readonly string[] | null =>
  !actor || actor.unrestricted ? null : scopeOf(actor).visibleUnitIds;

const andWhere = (query: ListQuery, condition: string, params: unknown[]): ListQuery => ({
  ...query,
  where: query.where ? `${query.where} AND ${condition}` : `WHERE ${condition}`,
  params: [...query.params, ...params],
});

const outOfScope = (field?: string) =>
  new DomainError(
    'notices.unit-out-of-scope',
    { zh: '该单位不在您的负责范围内', en: 'This unit is outside your scope' },
    field,
    403,
  );

/**
 * Criticism notices (通报批评, issue 14 part 4): the bureau's lagging-unit suggestions, drafting, approval,
 * issue, circulation, urging, closing; the secretaries' notices to read, acknowledgements and rectification
 * reports for their own units; auditors read.
 */
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OBLIGATION_SOURCES) private readonly sources: PublishedObligations[],
    private readonly evidence: EvidenceFacts,
    private readonly organizations: OrganizationsFacts,
  ) {}

  // Reads ------------------------------------------------------------------------------------------------

  @Get('suggestions')
  @Allow('notice-suggestions', 'list')
  @ApiOkResponse({
    description:
      'Lagging units: bottom three of the latest quarterly bulletin, grades below the band, obligations overdue past the threshold; each with its facts.',
  })
  suggestions() {
    const settings = currentSettings(this.db);
    return laggingUnits(this.db, this.sources, settings, shanghaiDate(this.clock.now()));
  }

  @Get('settings')
  @Allow('notice-settings', 'show')
  @ApiOkResponse({ description: 'The bureau’s thresholds and working-day deadlines for notices, with their revision.' })
  settings() {
    return currentSettings(this.db);
  }

  @Post('settings')
  @Allow('notice-settings', 'edit')
  @BodySchema(noticeSettingsBody)
  async changeSettings(@Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...settings } = parseWith(noticeSettingsBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new ChangeNoticeSettingsCommand(command('ChangeNoticeSettings', settings, metadata), { expectedRevision }),
    );
    return { ...currentSettings(this.db), receipt };
  }

  /** Units to pick from when drafting: every registered unit. */
  @Get('units')
  @Allow('criticism-notices', 'create')
  @ApiOkResponse({ description: 'Every registered unit (id, name): the draft’s choices.' })
  units() {
    const ids = allUnitIds(this.db);
    const names = unitNames(this.db, ids);
    return ids.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }

  @Get('inbox')
  @Allow('notice-inbox', 'list')
  @ListRoute(inboxList)
  inbox(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, inboxList);
    let scoped = andWhere(listQuery, "n.status IN ('circulated', 'closed')", []);
    const units = unitsOf(request.user);
    if (units) scoped = andWhere(scoped, 'r.unit_id IN (SELECT value FROM json_each(?))', [JSON.stringify(units)]);
    const { rows, total } = listInbox(this.db, scoped);
    setContentRange(response, 'notice-inbox', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('inbox/unread-count')
  @Allow('notice-inbox', 'list')
  @ApiOkResponse({ description: 'How many circulated notices the caller’s units have not acknowledged (the badge).' })
  unread(@Req() request: ActorRequest) {
    return { unread: unreadCount(this.db, unitsOf(request.user)) };
  }

  @Get()
  @Allow('criticism-notices', 'list')
  @ListRoute(noticeList)
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, noticeList);
    const units = unitsOf(request.user);
    // A secretary sees a notice only once circulated to one of its units: drafts are the bureau's.
    const scoped = units
      ? andWhere(
          listQuery,
          `n.status IN ('circulated', 'closed') AND EXISTS (SELECT 1 FROM notices_recipients r
             WHERE r.notice_id = n.id AND r.unit_id IN (SELECT value FROM json_each(?)))`,
          [JSON.stringify(units)],
        )
      : listQuery;
    const { rows, total } = listNotices(this.db, scoped);
    setContentRange(response, 'criticism-notices', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('criticism-notices', 'show')
  @ApiOkResponse({
    description: 'A notice with its recipients (acknowledgement progress), rectifications and timeline.',
  })
  show(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    const row = this.visible(id, request.user);
    const recipients = recipientsOf(this.db, id);
    return {
      ...row,
      progress: { acknowledged: row.acknowledged, total: row.recipients },
      pending: recipients.filter((r) => !r.acknowledgedOn),
      recipientList: recipients,
      rectifications: rectificationsOf(this.db, id),
      history: historyOf(this.db, id),
    };
  }

  /** Evidence a criticised unit may cite: the files on file of the organisations covering it. */
  @Get(':id/evidence-choices')
  @Allow('notice-inbox', 'list')
  @ApiOkResponse({ description: 'Evidence on file for the organisations covering `unitId` (query parameter).' })
  evidenceChoices(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('unitId', ParseUUIDPipe) unitId: string,
    @Req() request: ActorRequest,
  ) {
    this.visible(id, request.user);
    const units = unitsOf(request.user);
    if (units && !units.includes(unitId)) throw outOfScope('unitId');
    return this.organizations
      .orgsCovering([unitId])
      .flatMap((orgId) => this.evidence.filesOnFile({ orgId }))
      .map((f) => ({ id: f.evidenceId, name: f.name, title: f.title, on: f.on, category: f.category, orgId: f.orgId }));
  }

  // The bureau's steps -----------------------------------------------------------------------------------

  @Post()
  @Allow('criticism-notices', 'create')
  @BodySchema(noticeContentBody)
  async draft(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(noticeContentBody, body);
    const noticeId = newRecordId(request);
    return this.step(request, 'DraftNotice', { ...data, noticeId, knownUnitIds: allUnitIds(this.db) }, draftNotice);
  }

  @Post(':id/edit')
  @Allow('criticism-notices', 'edit')
  @BodySchema(editNoticeBody)
  async edit(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(editNoticeBody, body);
    return this.step(
      request,
      'EditNotice',
      { ...data, noticeId, knownUnitIds: allUnitIds(this.db) },
      editNotice,
      expectedRevision,
    );
  }

  @Post(':id/submit')
  @Allow('criticism-notices', 'edit')
  @BodySchema(submitNoticeBody)
  async submit(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(submitNoticeBody, body ?? {});
    return this.step(request, 'SubmitNotice', { ...data, noticeId }, submitNotice, expectedRevision);
  }

  @Post(':id/approve')
  @Allow('criticism-notices', 'approve')
  @BodySchema(approveNoticeBody)
  async approve(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(approveNoticeBody, body ?? {});
    return this.step(request, 'ApproveNotice', { ...data, noticeId }, approveNotice, expectedRevision);
  }

  @Post(':id/return')
  @Allow('criticism-notices', 'approve')
  @BodySchema(returnNoticeBody)
  async return(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(returnNoticeBody, body);
    return this.step(request, 'ReturnNotice', { ...data, noticeId }, returnNotice, expectedRevision);
  }

  @Post(':id/issue')
  @Allow('criticism-notices', 'edit')
  @BodySchema(issueNoticeBody)
  async issue(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(issueNoticeBody, body);
    const numberHeldBy = noticeWithNumber(this.db, data.documentNumber);
    return this.step(
      request,
      'IssueNotice',
      { ...data, noticeId, numberHeldBy, settings: this.currentSettings() },
      issueNotice,
      expectedRevision,
    );
  }

  @Post(':id/circulate')
  @Allow('criticism-notices', 'edit')
  @BodySchema(circulateNoticeBody)
  async circulate(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(circulateNoticeBody, body);
    return this.step(
      request,
      'CirculateNotice',
      { ...data, noticeId, allUnitIds: allUnitIds(this.db), settings: this.currentSettings() },
      circulateNotice,
      expectedRevision,
    );
  }

  /** 催办 by a person: the next round now, to the units not acknowledged. */
  @Post(':id/urge')
  @Allow('criticism-notices', 'edit')
  @BodySchema(urgeNoticeBody)
  async urge(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    parseWith(urgeNoticeBody, body ?? {});
    return this.step(request, 'UrgeNotice', { noticeId, round: null, settings: this.currentSettings() }, urgeNotice);
  }

  @Post(':id/rectifications/send-back')
  @Allow('criticism-notices', 'edit')
  @BodySchema(sendBackRectificationBody)
  async sendBack(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(sendBackRectificationBody, body);
    return this.step(request, 'SendBackRectification', { ...data, noticeId }, sendBackRectification, expectedRevision);
  }

  @Post(':id/close')
  @Allow('criticism-notices', 'edit')
  @BodySchema(closeNoticeBody)
  async close(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(closeNoticeBody, body);
    return this.step(request, 'CloseNotice', { ...data, noticeId }, closeNotice, expectedRevision);
  }

  // The secretaries' steps, for their own units ------------------------------------------------------------

  @Post(':id/acknowledge')
  @Allow('notice-inbox', 'create')
  @BodySchema(acknowledgeNoticeBody)
  async acknowledge(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(acknowledgeNoticeBody, body);
    this.assertOwnUnit(request.user, data.unitId);
    return this.step(request, 'AcknowledgeNotice', { ...data, noticeId }, acknowledgeNotice);
  }

  @Post(':id/rectification')
  @Allow('notice-inbox', 'create')
  @BodySchema(reportRectificationBody)
  async rectify(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(reportRectificationBody, body);
    this.assertOwnUnit(request.user, data.unitId);
    const onFile = new Set(this.evidence.filesOnFile({}).map((f) => f.evidenceId));
    const missingEvidenceIds = data.evidenceIds.filter((id) => !onFile.has(id));
    return this.step(request, 'ReportRectification', { ...data, noticeId, missingEvidenceIds }, reportRectification);
  }

  // ------------------------------------------------------------------------------------------------------

  private currentSettings(): NoticeSettings {
    const { revision: _revision, ...settings } = currentSettings(this.db);
    return settings;
  }

  /** The notice as the caller may see it: a secretary only those circulated to its units; else 404. */
  private visible(id: string, actor: Actor | undefined) {
    const row = getNotice(this.db, id);
    if (!row) throw new NotFoundError(NOTICE, id);
    const units = unitsOf(actor);
    if (units && !(['circulated', 'closed'].includes(row.status) && circulatedToAny(this.db, id, units)))
      throw new NotFoundError(NOTICE, id);
    return row;
  }

  private assertOwnUnit(actor: Actor | undefined, unitId: string) {
    const units = unitsOf(actor);
    if (units && !units.includes(unitId)) throw outOfScope('unitId');
  }

  private async step<Type extends string, Data extends { noticeId: string }>(
    request: ActorRequest,
    type: Type,
    data: Data,
    decide: (command: NoticeCommandOf<Type, Data>, state: Notice) => NoticeEvent | NoticeEvent[],
    expectedRevision?: number,
  ) {
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new NoticeCommand(command(type, data, metadata) as NoticeCommandOf<Type, Data>, decide, { expectedRevision }),
    );
    return { id: data.noticeId, ...receipt };
  }
}

import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { EXPORT_LIMIT, labelOf, sendExport, type ExportColumn } from '../core/http/export.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { BodySchema, ExportRoute, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope, assertOrgVisible, orgOutOfScope, reachOf, withinVisibleOrgs } from '../core/http/scope.js';
import { localDate, parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { OrganizationsFacts } from '../organizations/organizations.facts.js';
import { CommentLessonCommand, commentLessonBody } from './commands/comment-lesson.js';
import { RecordMeetingCommand, recordMeetingBody } from './commands/record-meeting.js';
import { MEETING_KIND_LABELS } from './organizational-life.events.js';
import { OBLIGATION_RULES } from './obligation-rules.js';
import { branchList, listBranches } from './projections/branches-list.js';
import { monthGrid } from './projections/month-grid.js';
import {
  getMeeting,
  listMeetings,
  meetingList,
  meetingsWithin,
  type MeetingRow,
} from './projections/orglife-meetings.projection.js';
import { quorumRule } from './quorum.js';

const MEETING = { zh: '组织生活记录', en: 'Meeting record' };
const ORG = { zh: '党组织', en: 'Party organisation' };

const gridQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const rosterQuery = z.object({ on: localDate().optional() });

const yesNo = (value: boolean, lang: 'zh' | 'en') => (value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' })[lang];

const MEETING_EXPORT_COLUMNS: ExportColumn<MeetingRow>[] = [
  { header: { zh: '日期', en: 'Date' }, value: (r) => r.heldOn },
  { header: { zh: '党组织', en: 'Party organisation' }, value: (r) => r.orgName, width: 30 },
  { header: { zh: '类型', en: 'Kind' }, value: (r, lang) => labelOf(MEETING_KIND_LABELS, r.kind, lang), width: 16 },
  { header: { zh: '主题', en: 'Topic' }, value: (r) => r.topic, width: 40 },
  { header: { zh: '出席', en: 'Present' }, value: (r) => r.presentCount },
  { header: { zh: '请假', en: 'Absent with leave' }, value: (r) => r.absentWithLeaveCount },
  { header: { zh: '缺席', en: 'Absent' }, value: (r) => r.absentCount },
  {
    header: { zh: '达到法定人数', en: 'Quorate' },
    value: (r, lang) => (r.quorum ? yesNo(r.quorum.quorate, lang) : null),
  },
  { header: { zh: '计入', en: 'Counts' }, value: (r, lang) => yesNo(r.counts, lang) },
  { header: { zh: '讲课小组', en: 'Lesson group' }, value: (r) => r.lessonGroup },
  { header: { zh: '书记点评', en: "Secretary's comment" }, value: (r) => r.comment, width: 40 },
];

/** A general meeting short of its quorum is recorded; the answer says which rule it broke. */
const withQuorumWarning = (row: MeetingRow | null) =>
  row?.quorum && !row.quorum.quorate
    ? { warning: { code: 'orglife.not-quorate', messages: quorumRule(row.quorum) } }
    : {};

/** Organisational life (组织生活, 三会一课): meetings as held, lessons' comments, the month grid per branch. */
@Controller('organizational-life')
export class OrganizationalLifeController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly organizations: OrganizationsFacts,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('meetings')
  @Allow('organizational-life', 'create')
  @BodySchema(recordMeetingBody)
  @ApiCreatedResponse({
    description:
      'The meeting as GET /api/organizational-life/meetings/:id reads it, with the write receipt. A branch ' +
      'general meeting short of its quorum (more than half of the full members on the roster that day) is ' +
      'recorded with `quorum.quorate` false and `counts` false, and the answer carries `warning` naming the rule.',
  })
  async record(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(recordMeetingBody, body);
    assertOrgInScope(request.user, data.orgId);
    const meetingId = newRecordId(request);
    const receipt = await this.commands.send(
      new RecordMeetingCommand(
        command('RecordMeeting', { ...data, meetingId }, commandMetadataFrom(request, this.clock)),
      ),
    );
    const row = getMeeting(this.db, meetingId);
    return { ...row, ...withQuorumWarning(row), id: meetingId, ...receipt };
  }

  @Get('meetings')
  @Allow('organizational-life', 'list')
  @ListRoute(meetingList)
  meetings(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, meetingList);
    const { rows, total } = listMeetings(this.db, meetingsWithin(listQuery, reachOf(request.user)));
    setContentRange(response, 'organizational-life/meetings', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('export')
  @Allow('organizational-life', 'export')
  @ExportRoute(meetingList)
  async export(@Query() query: Record<string, unknown>, @Req() request: ActorRequest, @Res() response: Response) {
    const listQuery = meetingsWithin(
      { ...parseListQuery({ ...query, range: undefined }, meetingList), offset: 0, limit: EXPORT_LIMIT },
      reachOf(request.user),
    );
    await sendExport(
      response,
      query,
      { zh: '组织生活', en: 'Organisational life' },
      MEETING_EXPORT_COLUMNS,
      () => listMeetings(this.db, listQuery).rows,
      this.clock,
    );
  }

  @Get('meetings/:id')
  @Allow('organizational-life', 'show')
  meeting(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    const row = this.meetingInReach(request, id);
    return { ...row, ...withQuorumWarning(row) };
  }

  @Post('meetings/:id/comment')
  @Allow('organizational-life', 'edit')
  @BodySchema(commentLessonBody)
  async comment(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(commentLessonBody, body);
    const row = this.meetingInReach(request, id);
    // Commenting is the secretary's of the organisation that held the lesson, not of one covering a unit.
    assertOrgInScope(request.user, row.orgId);
    const receipt = await this.commands.send(
      new CommentLessonCommand(
        command('CommentLesson', { ...data, meetingId: id }, commandMetadataFrom(request, this.clock)),
        { expectedRevision },
      ),
    );
    return { ...getMeeting(this.db, id), ...receipt };
  }

  @Get('branches')
  @Allow('organizational-life', 'list')
  @ListRoute(branchList)
  branches(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, branchList);
    const today = shanghaiDate(this.clock.now());
    const { rows, total } = listBranches(this.db, withinVisibleOrgs(listQuery, request.user, 'b.org_id'), today);
    setContentRange(response, 'organizational-life/branches', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('branches/:orgId/grid')
  @Allow('organizational-life', 'list')
  @ApiOkResponse({
    description:
      'One organisation’s year (`?year=2026`, this year by default): per kind of meeting (B1–B7) and month, ' +
      'the meetings held (`held`, `notQuorate`, `meetingIds`) and a status (held, covered, open, missing, due, ' +
      'future, not-owed, untracked), and per period (month, quarter or year) whether it was met, as of today.',
  })
  grid(@Param('orgId', ParseUUIDPipe) orgId: string, @Query() query: unknown, @Req() request: ActorRequest) {
    const today = shanghaiDate(this.clock.now());
    const { year = Number(today.slice(0, 4)) } = parseWith(gridQuery, query);
    assertOrgVisible(request.user, orgId);
    const grid = monthGrid(this.db, orgId, year, today);
    if (!grid) throw new NotFoundError(ORG, orgId);
    return grid;
  }

  @Get('branches/:orgId/roster')
  @Allow('organizational-life', 'list')
  @ApiOkResponse({
    description:
      'The organisation’s active members on a day (`?on=YYYY-MM-DD`, today by default) with their category: ' +
      'whom a meeting of that day may list in its attendance, and who counts towards a general meeting’s quorum.',
  })
  roster(@Param('orgId', ParseUUIDPipe) orgId: string, @Query() query: unknown, @Req() request: ActorRequest) {
    const { on = shanghaiDate(this.clock.now()) } = parseWith(rosterQuery, query);
    assertOrgVisible(request.user, orgId);
    return this.organizations.memberIdsOn(orgId, on).map(({ id, category }) => ({
      id,
      category,
      name: this.organizations.memberStanding(id)?.name ?? null,
    }));
  }

  @Get('catalogue')
  @Allow('organizational-life', 'list')
  @ApiOkResponse({ description: 'The kinds of meeting with their labels, and the obligations B1–B7 they meet.' })
  catalogue() {
    return OBLIGATION_RULES.map((rule) => ({ ...rule, label: MEETING_KIND_LABELS[rule.kind] }));
  }

  /** The meeting, when the actor answers for its organisation or one of its units; 404 or 403 otherwise. */
  private meetingInReach(request: ActorRequest, id: string): MeetingRow {
    const row = getMeeting(this.db, id);
    if (!row) throw new NotFoundError(MEETING, id);
    const reach = reachOf(request.user);
    if (reach && !reach.orgIds.includes(row.orgId) && !row.unitIds.some((u) => reach.unitIds.includes(u)))
      throw orgOutOfScope();
    return row;
  }
}

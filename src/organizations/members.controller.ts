import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { EXPORT_LIMIT, labelOf, sendExport, type ExportColumn } from '../core/http/export.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { BodySchema, ExportRoute, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope, withinScope } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { EnrollMemberCommand, enrollMemberBody } from './commands/enroll-member.js';
import { RemoveMemberCommand, removeMemberBody } from './commands/remove-member.js';
import { TransferMemberCommand, transferMemberBody } from './commands/transfer-member.js';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS } from './organizations.events.js';
import { getMember, listMembers, memberList, type MemberRow } from './projections/members.projection.js';

const SCOPE = { org: 'm.org_id', unit: 'm.unit_id' };

/**
 * The roster template's columns: the import reads these headers (zh or en) back. The id (编号) comes
 * last, so the template's columns keep their places; a re-imported row with an id is recognised as
 * the member already on the roster.
 */
export const MEMBER_EXPORT_COLUMNS: ExportColumn<MemberRow>[] = [
  { header: { zh: '姓名', en: 'Name' }, value: (r) => r.name },
  { header: { zh: '性别', en: 'Gender' }, value: (r, lang) => labelOf(GENDER_LABELS, r.gender, lang) },
  { header: { zh: '出生日期', en: 'Birth date' }, value: (r) => r.birthDate },
  { header: { zh: '所在单位', en: 'Unit' }, value: (r) => r.unitName, width: 24 },
  { header: { zh: '所属党组织', en: 'Party organisation' }, value: (r) => r.orgName, width: 28 },
  { header: { zh: '党员类别', en: 'Category' }, value: (r, lang) => labelOf(MEMBER_CATEGORY_LABELS, r.category, lang) },
  { header: { zh: '入党时间', en: 'Joined on' }, value: (r) => r.joinedOn },
  { header: { zh: '职务岗位', en: 'Post' }, value: (r) => r.post },
  { header: { zh: '是否任课教师', en: 'Teaches' }, value: (r) => r.teaches },
  { header: { zh: '编号', en: 'ID' }, value: (r) => r.id, width: 38 },
];

/** The roster of members: enrol, transfer, remove; lists and exports scoped to what the actor covers. */
@Controller('members')
export class MembersController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('members', 'create')
  @BodySchema(enrollMemberBody)
  async enroll(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(enrollMemberBody, body);
    assertOrgInScope(request.user, data.orgId);
    const memberId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    return {
      id: memberId,
      ...(await this.commands.send(new EnrollMemberCommand(command('EnrollMember', { ...data, memberId }, metadata)))),
    };
  }

  @Post(':id/transfer')
  @Allow('members', 'edit')
  @BodySchema(transferMemberBody)
  transfer(@Param('id', ParseUUIDPipe) memberId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(transferMemberBody, body);
    this.assertMemberInScope(request, memberId);
    return this.commands.send(
      new TransferMemberCommand(
        command('TransferMember', { ...data, memberId }, commandMetadataFrom(request, this.clock)),
      ),
    );
  }

  @Post(':id/remove')
  @Allow('members', 'edit')
  @BodySchema(removeMemberBody)
  remove(@Param('id', ParseUUIDPipe) memberId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(removeMemberBody, body);
    this.assertMemberInScope(request, memberId);
    return this.commands.send(
      new RemoveMemberCommand(command('RemoveMember', { ...data, memberId }, commandMetadataFrom(request, this.clock))),
    );
  }

  @Get('export')
  @Allow('members', 'export')
  @ExportRoute(memberList)
  async export(@Query() query: Record<string, unknown>, @Req() request: ActorRequest, @Res() response: Response) {
    const listQuery = withinScope(
      { ...parseListQuery({ ...query, range: undefined }, memberList), offset: 0, limit: EXPORT_LIMIT },
      request.user,
      SCOPE,
    );
    await sendExport(
      response,
      query,
      { zh: '党员名册', en: 'Members' },
      MEMBER_EXPORT_COLUMNS,
      () => listMembers(this.db, listQuery, this.today()).rows,
      this.clock,
    );
  }

  @Get()
  @Allow('members', 'list')
  @ListRoute(memberList)
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, memberList);
    const { rows, total } = listMembers(this.db, withinScope(listQuery, request.user, SCOPE), this.today());
    setContentRange(response, 'members', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('members', 'show')
  get(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    return this.assertMemberInScope(request, id);
  }

  private today() {
    return shanghaiDate(this.clock.now());
  }

  private assertMemberInScope(request: ActorRequest, memberId: string): MemberRow {
    const row = getMember(this.db, memberId, this.today());
    if (!row) throw new NotFoundError({ zh: '党员', en: 'Member' }, memberId);
    assertOrgInScope(request.user, row.orgId, row.unitId);
    return row;
  }
}

import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { EXPORT_LIMIT, sendExport } from '../core/http/export.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { BodySchema } from '../core/http/openapi.js';
import { commandMetadataFrom, type ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope, withinScope } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { EnrollMemberCommand, enrollMemberBody } from './commands/enroll-member.js';
import { RemoveMemberCommand, removeMemberBody } from './commands/remove-member.js';
import { TransferMemberCommand, transferMemberBody } from './commands/transfer-member.js';
import { getMember, listMembers, memberList, type MemberRow } from './projections/members.projection.js';

const SCOPE = { org: 'm.org_id', unit: 'm.unit_id' };

export const MEMBER_EXPORT_COLUMNS = [
  { header: '姓名', value: (r: MemberRow) => r.name },
  { header: '性别', value: (r: MemberRow) => (r.gender === 'male' ? '男' : '女') },
  { header: '出生日期', value: (r: MemberRow) => r.birthDate },
  { header: '所在单位', value: (r: MemberRow) => r.unitName, width: 24 },
  { header: '所属党组织', value: (r: MemberRow) => r.orgName, width: 28 },
  { header: '党员类别', value: (r: MemberRow) => (r.category === 'full' ? '正式党员' : '预备党员') },
  { header: '入党时间', value: (r: MemberRow) => r.joinedOn },
  { header: '职务岗位', value: (r: MemberRow) => r.post },
  { header: '是否任课教师', value: (r: MemberRow) => r.teaches },
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
    const memberId = randomUUID();
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
  async export(@Query() query: Record<string, unknown>, @Req() request: ActorRequest, @Res() response: Response) {
    const listQuery = withinScope(
      { ...parseListQuery({ ...query, range: undefined }, memberList), offset: 0, limit: EXPORT_LIMIT },
      request.user,
      SCOPE,
    );
    await sendExport(response, query.format, '党员名册', MEMBER_EXPORT_COLUMNS, listMembers(this.db, listQuery).rows);
  }

  @Get()
  @Allow('members', 'list')
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, memberList);
    const { rows, total } = listMembers(this.db, withinScope(listQuery, request.user, SCOPE));
    setContentRange(response, 'members', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('members', 'show')
  get(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    return this.assertMemberInScope(request, id);
  }

  private assertMemberInScope(request: ActorRequest, memberId: string): MemberRow {
    const row = getMember(this.db, memberId);
    if (!row) throw new NotFoundError({ zh: '党员', en: 'Member' }, memberId);
    assertOrgInScope(request.user, row.orgId, row.unitId);
    return row;
  }
}

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
import { assertOrgInScope, assertOrgVisible, withinVisibleOrgs } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { AssignPositionCommand, assignPositionBody } from './commands/assign-position.js';
import { ElectCommitteeCommand, electCommitteeBody } from './commands/elect-committee.js';
import { EndPositionCommand, endPositionBody } from './commands/end-position.js';
import { FoundPartyOrganizationCommand, foundPartyOrganizationBody } from './commands/found-party-organization.js';
import { SetApprovalAuthorityCommand, setApprovalAuthorityBody } from './commands/set-approval-authority.js';
import { ORG_KIND_LABELS, POSITION_TITLE_LABELS } from './organizations.events.js';
import { getPartyOrg, listPartyOrgs, partyOrgList, type PartyOrgRow } from './projections/party-orgs.projection.js';
import { getPosition, listPositions, positionList, type PositionRow } from './projections/positions.projection.js';

const PARTY_ORG = { zh: '党组织', en: 'Party organisation' };

const ORG_EXPORT_COLUMNS: ExportColumn<PartyOrgRow>[] = [
  { header: { zh: '名称', en: 'Name' }, value: (r) => r.name, width: 30 },
  { header: { zh: '类型', en: 'Kind' }, value: (r, lang) => labelOf(ORG_KIND_LABELS, r.kind, lang) },
  { header: { zh: '上级党组织', en: 'Parent organisation' }, value: (r) => r.parentName, width: 30 },
  { header: { zh: '成立日期', en: 'Founded on' }, value: (r) => r.foundedOn },
  { header: { zh: '本届任期开始', en: 'Term start' }, value: (r) => r.termStart },
  { header: { zh: '本届任期届满', en: 'Term end' }, value: (r) => r.termEnd },
  { header: { zh: '覆盖单位数', en: 'Units covered' }, value: (r) => r.unitIds.length },
];

const POSITION_EXPORT_COLUMNS: ExportColumn<PositionRow>[] = [
  { header: { zh: '党组织', en: 'Party organisation' }, value: (r) => r.orgName, width: 30 },
  { header: { zh: '姓名', en: 'Name' }, value: (r) => r.memberName },
  { header: { zh: '职务', en: 'Post' }, value: (r, lang) => labelOf(POSITION_TITLE_LABELS, r.title, lang), width: 20 },
  { header: { zh: '交叉任职', en: 'Cross appointment' }, value: (r) => r.crossAppointment, width: 20 },
  { header: { zh: '任职日期', en: 'From' }, value: (r) => r.from },
  { header: { zh: '免职日期', en: 'To' }, value: (r) => r.to },
];

/** Party organisations (a tree under the bureau Party committee), their committees and posts. */
@Controller()
export class PartyOrganizationsController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('party-organizations')
  @Allow('party-organizations', 'create')
  @BodySchema(foundPartyOrganizationBody)
  async found(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(foundPartyOrganizationBody, body);
    const orgId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    return {
      id: orgId,
      ...(await this.commands.send(
        new FoundPartyOrganizationCommand(command('FoundPartyOrganization', { ...data, orgId }, metadata)),
      )),
    };
  }

  @Post('party-organizations/:id/elect-committee')
  @Allow('party-organizations', 'edit')
  @BodySchema(electCommitteeBody)
  electCommittee(@Param('id', ParseUUIDPipe) orgId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(electCommitteeBody, body);
    return this.commands.send(
      new ElectCommitteeCommand(
        command('ElectCommittee', { ...data, orgId }, commandMetadataFrom(request, this.clock)),
      ),
    );
  }

  @Post('party-organizations/:id/approval-authority')
  @Allow('party-organizations', 'edit')
  @BodySchema(setApprovalAuthorityBody)
  setApprovalAuthority(@Param('id', ParseUUIDPipe) orgId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(setApprovalAuthorityBody, body);
    return this.commands.send(
      new SetApprovalAuthorityCommand(
        command('SetApprovalAuthority', { ...data, orgId }, commandMetadataFrom(request, this.clock)),
      ),
    );
  }

  @Get('party-organizations/export')
  @Allow('party-organizations', 'export')
  @ExportRoute(partyOrgList)
  async export(@Query() query: Record<string, unknown>, @Req() request: ActorRequest, @Res() response: Response) {
    const listQuery = withinVisibleOrgs(
      { ...parseListQuery({ ...query, range: undefined }, partyOrgList), offset: 0, limit: EXPORT_LIMIT },
      request.user,
      'o.id',
    );
    await sendExport(
      response,
      query,
      { zh: '党组织', en: 'Party organisations' },
      ORG_EXPORT_COLUMNS,
      () => listPartyOrgs(this.db, listQuery).rows,
      this.clock,
    );
  }

  @Get('party-organizations')
  @Allow('party-organizations', 'list')
  @ListRoute(partyOrgList)
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, partyOrgList);
    const { rows, total } = listPartyOrgs(this.db, withinVisibleOrgs(listQuery, request.user, 'o.id'));
    setContentRange(response, 'party-organizations', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('party-organizations/:id')
  @Allow('party-organizations', 'show')
  get(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    const row = getPartyOrg(this.db, id);
    if (!row) throw new NotFoundError(PARTY_ORG, id);
    assertOrgVisible(request.user, id);
    return row;
  }

  @Post('party-organizations/:id/positions')
  @Allow('positions', 'create')
  @BodySchema(assignPositionBody)
  async assignPosition(@Param('id', ParseUUIDPipe) orgId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    assertOrgInScope(request.user, orgId);
    const data = parseWith(assignPositionBody, body);
    const positionId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    return {
      id: positionId,
      ...(await this.commands.send(
        new AssignPositionCommand(command('AssignPosition', { ...data, orgId, positionId }, metadata)),
      )),
    };
  }

  @Post('party-organizations/:id/positions/:positionId/end')
  @Allow('positions', 'edit')
  @BodySchema(endPositionBody)
  endPosition(
    @Param('id', ParseUUIDPipe) orgId: string,
    @Param('positionId', ParseUUIDPipe) positionId: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    assertOrgInScope(request.user, orgId);
    const data = parseWith(endPositionBody, body);
    return this.commands.send(
      new EndPositionCommand(
        command('EndPosition', { ...data, orgId, positionId }, commandMetadataFrom(request, this.clock)),
      ),
    );
  }

  @Get('positions/export')
  @Allow('positions', 'export')
  @ExportRoute(positionList)
  async exportPositions(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res() response: Response,
  ) {
    const listQuery = withinVisibleOrgs(
      { ...parseListQuery({ ...query, range: undefined }, positionList), offset: 0, limit: EXPORT_LIMIT },
      request.user,
      'p.org_id',
    );
    await sendExport(
      response,
      query,
      { zh: '职务', en: 'Posts' },
      POSITION_EXPORT_COLUMNS,
      () => listPositions(this.db, listQuery).rows,
      this.clock,
    );
  }

  @Get('positions')
  @Allow('positions', 'list')
  @ListRoute(positionList)
  positions(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, positionList);
    const { rows, total } = listPositions(this.db, withinVisibleOrgs(listQuery, request.user, 'p.org_id'));
    setContentRange(response, 'positions', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('positions/:id')
  @Allow('positions', 'show')
  position(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    const row = getPosition(this.db, id);
    if (!row) throw new NotFoundError({ zh: '职务', en: 'Post' }, id);
    assertOrgVisible(request.user, row.orgId);
    return row;
  }
}

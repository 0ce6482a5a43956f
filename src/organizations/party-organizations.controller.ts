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
import { assertOrgInScope } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { AssignPositionCommand, assignPositionBody } from './commands/assign-position.js';
import { ElectCommitteeCommand, electCommitteeBody } from './commands/elect-committee.js';
import { EndPositionCommand, endPositionBody } from './commands/end-position.js';
import { FoundPartyOrganizationCommand, foundPartyOrganizationBody } from './commands/found-party-organization.js';
import { ORG_KIND_LABELS, type OrgKind } from './organizations.events.js';
import { getPartyOrg, listPartyOrgs, partyOrgList, type PartyOrgRow } from './projections/party-orgs.projection.js';
import { listPositions, positionList } from './projections/positions.projection.js';

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
    const orgId = randomUUID();
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

  @Get('party-organizations/export')
  @Allow('party-organizations', 'export')
  async export(@Query() query: Record<string, unknown>, @Res() response: Response) {
    const listQuery = {
      ...parseListQuery({ ...query, range: undefined }, partyOrgList),
      offset: 0,
      limit: EXPORT_LIMIT,
    };
    const { rows } = listPartyOrgs(this.db, listQuery);
    await sendExport<PartyOrgRow>(
      response,
      query.format,
      '党组织',
      [
        { header: '名称', value: (r) => r.name, width: 30 },
        { header: '类型', value: (r) => ORG_KIND_LABELS[r.kind as OrgKind]?.zh ?? r.kind },
        { header: '成立日期', value: (r) => r.foundedOn },
        { header: '本届任期开始', value: (r) => r.termStart },
        { header: '本届任期届满', value: (r) => r.termEnd },
        { header: '覆盖单位数', value: (r) => r.unitIds.length },
      ],
      rows,
    );
  }

  @Get('party-organizations')
  @Allow('party-organizations', 'list')
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, partyOrgList);
    const { rows, total } = listPartyOrgs(this.db, listQuery);
    setContentRange(response, 'party-organizations', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('party-organizations/:id')
  @Allow('party-organizations', 'show')
  get(@Param('id', ParseUUIDPipe) id: string) {
    const row = getPartyOrg(this.db, id);
    if (!row) throw new NotFoundError({ zh: '党组织', en: 'Party organisation' }, id);
    return row;
  }

  @Post('party-organizations/:id/positions')
  @Allow('positions', 'create')
  @BodySchema(assignPositionBody)
  async assignPosition(@Param('id', ParseUUIDPipe) orgId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    assertOrgInScope(request.user, orgId);
    const data = parseWith(assignPositionBody, body);
    const positionId = randomUUID();
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

  @Get('positions')
  @Allow('positions', 'list')
  positions(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, positionList);
    const { rows, total } = listPositions(this.db, listQuery);
    setContentRange(response, 'positions', listQuery.offset, rows.length, total);
    return rows;
  }
}

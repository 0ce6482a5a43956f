import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { DomainError, NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { BodySchema, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type Actor, type ActorRequest } from '../core/http/request-context.js';
import { scopeOf } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { defaultChinaCalendar } from '../core/time/china-holidays.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { CommendationCycleCommand } from './commands/cycle-command.js';
import { nominate, nominateBody, type NomineeFacts } from './commands/nominate.js';
import { openCycle, openCycleBody } from './commands/open-cycle.js';
import {
  decideBody,
  decideCommendations,
  publicityBody,
  revokeBody,
  revokeCommendation,
  startPublicity,
  type Vetoes,
} from './commands/publicity-and-decision.js';
import type { CommendationEvent } from './commendations.events.js';
import type { CommendationCycle } from './commendation-cycle.js';
import {
  cycleBoard,
  cycleList,
  listCycles,
  memberOf,
  orgNamed,
  runningNominations,
} from './projections/cycle-queries.js';
import { OneVoteVeto } from './veto.js';

const CYCLE = { zh: '“两优一先”评选', en: 'Commendation cycle' };
const calendar = defaultChinaCalendar();
const ownOrgs = (actor: Actor | undefined) => (actor && !actor.unrestricted ? scopeOf(actor).orgIds : null);

/**
 * 两优一先 (domain.md §6): the bureau opens a cycle with quotas and due dates; branches' secretaries
 * nominate; the one-vote veto (the discipline door) refuses or vetoes the ineligible; publicity for N
 * working days; the bureau's decision awards each nominee as an event; an award may be revoked.
 */
@Controller('commendations/cycles')
export class CommendationsController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly veto: OneVoteVeto,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('commendation-cycles', 'create')
  @BodySchema(openCycleBody)
  open(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(openCycleBody, body);
    const cycleId = newRecordId(request);
    const cmd = command('OpenCommendationCycle', { ...data, cycleId }, commandMetadataFrom(request, this.clock));
    return this.send(cycleId, cycleId, (s) => openCycle(cmd, s), cmd);
  }

  @Get()
  @Allow('commendation-cycles', 'list')
  @ListRoute(cycleList)
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, cycleList);
    const { rows, total } = listCycles(this.db, listQuery);
    setContentRange(response, 'commendation-cycles', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('commendation-cycles', 'show')
  @ApiOkResponse({ description: 'The board: the cycle, its nominations (a secretary: its own), vetoes with reasons.' })
  show(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    const board = cycleBoard(this.db, id, ownOrgs(request.user));
    if (!board) throw new NotFoundError(CYCLE, id);
    return board;
  }

  @Post(':id/nominations')
  @Allow('commendation-cycles', 'edit')
  @BodySchema(nominateBody)
  nominate(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(nominateBody, body);
    const nominee = this.nominee(data.title, data.nomineeId, request.user);
    const nominationId = newRecordId(request);
    const cmd = command('Nominate', { ...data, nominationId }, commandMetadataFrom(request, this.clock));
    return this.send(id, nominationId, (s) => nominate(cmd, s, nominee), cmd);
  }

  @Post(':id/publicity')
  @Allow('commendation-cycles', 'approve')
  @BodySchema(publicityBody)
  publicity(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(publicityBody, body);
    const cmd = command('StartPublicity', data, commandMetadataFrom(request, this.clock));
    const vetoes = this.vetoes(id, data.from);
    return this.send(id, id, (s) => startPublicity(cmd, s, vetoes, calendar), cmd);
  }

  @Post(':id/decision')
  @Allow('commendation-cycles', 'approve')
  @BodySchema(decideBody)
  decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(decideBody, body);
    const cmd = command('DecideCommendations', data, commandMetadataFrom(request, this.clock));
    const vetoes = this.vetoes(id, data.decidedOn);
    return this.send(id, id, (s) => decideCommendations(cmd, s, vetoes), cmd);
  }

  @Post(':id/nominations/:nominationId/revocation')
  @Allow('commendation-cycles', 'approve')
  @BodySchema(revokeBody)
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('nominationId', ParseUUIDPipe) nominationId: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    const data = parseWith(revokeBody, body);
    const cmd = command('RevokeCommendation', { ...data, nominationId }, commandMetadataFrom(request, this.clock));
    return this.send(id, nominationId, (s) => revokeCommendation(cmd, s), cmd);
  }

  /** The nominee as the roster knows them, within a secretary's organisations, with the veto on today. */
  private nominee(
    title: Parameters<OneVoteVeto['reasons']>[0],
    nomineeId: string,
    actor: Actor | undefined,
  ): NomineeFacts {
    const today = shanghaiDate(this.clock.now());
    let found: { name: string; orgId: string; unitId: string | null } | null;
    if (title === 'advanced_party_org') {
      const org = orgNamed(this.db, nomineeId);
      found = org && { name: org.name, orgId: org.id, unitId: null };
    } else {
      const member = memberOf(this.db, nomineeId);
      found =
        member && member.status === 'active' ? { name: member.name, orgId: member.orgId, unitId: member.unitId } : null;
    }
    if (!found)
      throw new DomainError(
        'commendations.nominee-unknown',
        title === 'advanced_party_org'
          ? { zh: '没有该党组织', en: 'No such Party organisation' }
          : { zh: '党员名册中没有该在册党员', en: 'No active member with this id on the roster' },
        'nomineeId',
      );
    const own = ownOrgs(actor);
    if (own && !own.includes(found.orgId))
      throw new DomainError(
        'access.out-of-scope',
        { zh: '只能推荐本组织的党员或本组织', en: 'A branch nominates only its own members or itself' },
        'nomineeId',
        403,
      );
    return { ...found, veto: this.veto.reasons(title, nomineeId, today) };
  }

  private vetoes(cycleId: string, on: string): Vetoes {
    return Object.fromEntries(
      runningNominations(this.db, cycleId).map((n) => [
        n.id,
        this.veto.reasons(n.title as Parameters<OneVoteVeto['reasons']>[0], n.nomineeId, on),
      ]),
    );
  }

  private async send(
    cycleId: string,
    recordId: string,
    decide: (s: CommendationCycle) => CommendationEvent | CommendationEvent[],
    cmd: ReturnType<typeof command>,
  ) {
    const receipt = await this.commands.send(new CommendationCycleCommand(cycleId, cmd, decide));
    return { id: recordId, ...receipt };
  }
}

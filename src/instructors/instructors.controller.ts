import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { DomainError, NotFoundError, ValidationError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { parseListQuery, setContentRange, type ListQuery } from '../core/http/list-query.js';
import { BodySchema, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type Actor, type ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope, scopeOf } from '../core/http/scope.js';
import { parseWith, says } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { BUREAU } from '../core/roles.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { ConfirmOrgLifeCommand, confirmOrgLifeBody } from './commands/confirm-org-life.js';
import { DispatchInstructorCommand, dispatchInstructorBody, userId } from './commands/dispatch-instructor.js';
import { DISPATCH, EndDispatchCommand, endDispatchBody } from './commands/end-dispatch.js';
import { LogVisitCommand, logVisitBody } from './commands/log-visit.js';
import {
  confirmationGrid,
  monthLedger,
  monthsEnding,
  overviewOf,
  type CalendarFilter,
} from './projections/calendar.js';
import { listInstructors } from './projections/directory.projection.js';
import { dispatchById } from './projections/ledger.projection.js';
import { dispatchList, getDispatch, listDispatches, listVisits, visitList } from './projections/lists.js';

const MONTH = /^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$/;

/** The calendar's window: `months` months ending with `to` (default: the current month, 12 months). */
const windowQuery = z.strictObject({
  to: z
    .string()
    .regex(MONTH, { message: says('月份格式应为 YYYY-MM', 'must be a month as YYYY-MM') })
    .optional(),
  months: z.coerce.number().int().min(1).max(36).optional(),
  instructorId: userId().optional(),
  unitId: z.string().uuid().optional(),
});

const isBureau = (actor: Actor | undefined) => !!actor?.roles.some((r) => (BUREAU as readonly string[]).includes(r));

const refuse = (code: string, zh: string, en: string, field?: string) => new DomainError(code, { zh, en }, field, 403);

/**
 * What a caller reads of instructors' records: everything for the unrestricted (bureau, auditor); an
 * instructor only their own (the units they are dispatched to); a secretary those at the units its
 * organisations cover. Expressed as conditions on the record's instructor and unit.
 */
const reach = (actor: Actor | undefined): { instructorId: string | null; unitIds: readonly string[] } | null => {
  if (!actor || actor.unrestricted) return null;
  const units = actor.roles.includes('secretary') ? scopeOf(actor).visibleUnitIds : [];
  return { instructorId: actor.roles.includes('instructor') ? actor.id : null, unitIds: units };
};

const withinReach = (query: ListQuery, actor: Actor | undefined, columns: { instructor: string; unit: string }) => {
  const r = reach(actor);
  if (!r) return query;
  const condition = `(${columns.instructor} = ? OR ${columns.unit} IN (SELECT value FROM json_each(?)))`;
  return {
    ...query,
    where: query.where ? `${query.where} AND ${condition}` : `WHERE ${condition}`,
    params: [...query.params, r.instructorId ?? '', JSON.stringify(r.unitIds)],
  };
};

/**
 * Party-building instructors (党建工作指导员, domain.md §2.1, §8): dispatches to units, monthly visits (C1)
 * and the month calendar of missed visits; affiliated organisations' monthly confirmations (C6).
 */
@Controller('instructors')
export class InstructorsController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('dispatches')
  @Allow('instructor-dispatches', 'create')
  @BodySchema(dispatchInstructorBody)
  async dispatch(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(dispatchInstructorBody, body);
    const dispatchId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new DispatchInstructorCommand(command('DispatchInstructor', { ...data, dispatchId }, metadata)),
    );
    return { id: dispatchId, ...receipt };
  }

  @Post('dispatches/:id/end')
  @Allow('instructor-dispatches', 'edit')
  @BodySchema(endDispatchBody)
  async end(@Param('id', ParseUUIDPipe) dispatchId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(endDispatchBody, body);
    const found = dispatchById(this.db, dispatchId);
    if (!found) throw new NotFoundError(DISPATCH, dispatchId);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new EndDispatchCommand(
        command('EndDispatch', { ...data, dispatchId, instructorId: found.instructorId }, metadata),
        { expectedRevision },
      ),
    );
    return { id: dispatchId, ...receipt };
  }

  @Get('dispatches')
  @Allow('instructor-dispatches', 'list')
  @ListRoute(dispatchList)
  dispatches(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, dispatchList);
    const scoped = withinReach(listQuery, request.user, { instructor: 'd.instructor_id', unit: 'd.unit_id' });
    const { rows, total } = listDispatches(this.db, scoped);
    setContentRange(response, 'instructor-dispatches', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('dispatches/:id')
  @Allow('instructor-dispatches', 'show')
  dispatchShow(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    const row = getDispatch(this.db, id);
    if (!row) throw new NotFoundError(DISPATCH, id);
    const r = reach(request.user);
    if (r && row.instructorId !== r.instructorId && !r.unitIds.includes(row.unitId))
      throw refuse('access.out-of-scope', '该派驻不在您的负责范围内', 'This dispatch is outside your scope');
    return row;
  }

  @Post('visits')
  @Allow('instructor-visits', 'create')
  @BodySchema(logVisitBody)
  async logVisit(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(logVisitBody, body);
    const actor = request.user;
    let instructorId = data.instructorId;
    if (!isBureau(actor)) {
      // An instructor logs only their own visits: naming someone else is out of their reach.
      if (instructorId !== undefined && instructorId !== actor?.id)
        throw refuse(
          'instructors.not-your-visit',
          '指导员只能记录本人的到单位指导',
          'An instructor logs only their own visits',
          'instructorId',
        );
      instructorId = actor?.id;
    }
    if (!instructorId)
      throw new ValidationError([
        {
          field: 'instructorId',
          code: 'invalid_type',
          message: { zh: '代为记录时须指定指导员', en: 'name the instructor when logging on their behalf' },
        },
      ]);
    const visitId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new LogVisitCommand(command('LogVisit', { ...data, instructorId, visitId }, metadata)),
    );
    return { id: visitId, ...receipt };
  }

  @Get('visits')
  @Allow('instructor-visits', 'list')
  @ListRoute(visitList)
  visits(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, visitList);
    const scoped = withinReach(listQuery, request.user, { instructor: 'v.instructor_id', unit: 'v.unit_id' });
    const { rows, total } = listVisits(this.db, scoped);
    setContentRange(response, 'instructor-visits', listQuery.offset, rows.length, total);
    return rows;
  }

  /** Who may be dispatched: every user holding the role 'instructor' (the dispatch form's choices). */
  @Get('people')
  @Allow('instructor-dispatches', 'create')
  @ApiOkResponse({ description: 'Users holding the instructor role: id and display name.' })
  people() {
    return listInstructors(this.db);
  }

  @Get('calendar')
  @Allow('instructor-calendar', 'list')
  @WindowParameters()
  @ApiOkResponse({
    description:
      'Months × (instructor, unit): visited (with counts and event ids), missed, due (current month), upcoming or none.',
  })
  calendar(@Query() query: Record<string, unknown>, @Req() request: ActorRequest) {
    const { window, filter } = this.window(query, request.user);
    return monthLedger(this.db, window, filter);
  }

  @Get('calendar/overview')
  @Allow('instructor-calendar', 'list')
  @WindowParameters()
  @ApiOkResponse({
    description: 'Per instructor: units, visited, missed and due months in the window, most missed first.',
  })
  overview(@Query() query: Record<string, unknown>, @Req() request: ActorRequest) {
    const { window, filter } = this.window(query, request.user);
    const calendar = monthLedger(this.db, window, filter);
    return { months: calendar.months, today: calendar.today, instructors: overviewOf(calendar) };
  }

  /** The missed months themselves, one row each (C1 not met): what a reminder or an assessment lists. */
  @Get('missed-months')
  @Allow('instructor-calendar', 'list')
  @WindowParameters()
  @ApiOkResponse({ description: 'Every missed month in the window: instructor, unit, month.' })
  missed(@Query() query: Record<string, unknown>, @Req() request: ActorRequest) {
    const { window, filter } = this.window(query, request.user);
    return monthLedger(this.db, window, filter).rows.flatMap((row) =>
      row.cells
        .filter((cell) => cell.status === 'missed')
        .map((cell) => ({
          instructorId: row.instructorId,
          instructorName: row.instructorName,
          unitId: row.unitId,
          unitName: row.unitName,
          month: cell.month,
          dispatchEventIds: row.dispatches.map((d) => d.eventId),
        })),
    );
  }

  @Post('org-life-confirmations')
  @Allow('org-life-confirmations', 'create')
  @BodySchema(confirmOrgLifeBody)
  async confirm(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(confirmOrgLifeBody, body);
    assertOrgInScope(request.user, data.orgId);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(new ConfirmOrgLifeCommand(command('ConfirmOrgLife', data, metadata)));
    return { id: `${data.orgId}.${data.month}`, ...receipt };
  }

  @Get('org-life-confirmations')
  @Allow('org-life-confirmations', 'list')
  @WindowParameters()
  @ApiOkResponse({ description: 'Per affiliated organisation: months confirmed, missing, due or none (C6).' })
  confirmations(@Query() query: Record<string, unknown>, @Req() request: ActorRequest) {
    const { window } = this.window({ ...query, instructorId: undefined, unitId: undefined }, request.user);
    const actor = request.user;
    const orgIds = actor && !actor.unrestricted ? scopeOf(actor).visibleOrgIds : null;
    return { months: window.months, today: window.today, organisations: confirmationGrid(this.db, window, orgIds) };
  }

  private window(query: Record<string, unknown>, actor: Actor | undefined) {
    const parsed = parseWith(windowQuery, query);
    const today = shanghaiDate(this.clock.now());
    const window = { months: monthsEnding(parsed.to ?? today.slice(0, 7), parsed.months ?? 12), today };
    const filter: CalendarFilter = {
      instructorIds: parsed.instructorId ? [parsed.instructorId] : null,
      unitIds: parsed.unitId ? [parsed.unitId] : null,
    };
    const r = reach(actor);
    if (r) {
      if (r.instructorId) {
        if (parsed.instructorId && parsed.instructorId !== r.instructorId)
          throw refuse(
            'instructors.not-your-calendar',
            '指导员只能查看本人的指导日历',
            'An instructor sees only their own calendar',
            'instructorId',
          );
        filter.instructorIds = [r.instructorId];
      } else {
        filter.unitIds = parsed.unitId ? r.unitIds.filter((u) => u === parsed.unitId) : r.unitIds;
      }
    }
    return { window, filter };
  }
}

/** The calendar's query parameters, for the API docs. */
function WindowParameters() {
  const decorators = [
    ApiQuery({ name: 'to', required: false, description: 'Last month of the window, YYYY-MM (default: this month).' }),
    ApiQuery({ name: 'months', required: false, description: 'Months in the window, 1–36 (default 12).' }),
    ApiQuery({ name: 'instructorId', required: false, description: 'One instructor (user id).' }),
    ApiQuery({ name: 'unitId', required: false, description: 'One unit.' }),
  ];
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
}

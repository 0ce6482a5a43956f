import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { DomainError, NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import type { Actor, ActorRequest } from '../core/http/request-context.js';
import { scopeOf } from '../core/http/scope.js';
import { localDate, parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { DisciplineFacts } from './discipline.facts.js';
import { RIGHTS, RIGHT_LABELS, type Eligibility } from './eligibility.js';
import { activePeriodBook } from './periods.js';
import { peopleWithRecordsIn, personOf } from './projections/case-queries.js';

const dayQuery = z.strictObject({ on: localDate().optional() });
const orgQuery = z.strictObject({ orgId: z.uuid().optional(), on: localDate().optional() });

/** Full answers for those who may read case files (bureau, auditors); secretaries get rights and end days only. */
const readsCaseFiles = (actor: Actor | undefined) => !!actor && actor.unrestricted;

/**
 * What a secretary may know: that a right is withheld and until when, never the case, the measure, the
 * deciding body or the document (domain privacy: sanction details are for the bureau and auditors).
 */
const redact = (eligibility: Eligibility) =>
  Object.fromEntries(RIGHTS.map((r) => [r, { allowed: eligibility[r].allowed, until: eligibility[r].until }]));

const outOfScope = () =>
  new DomainError(
    'access.out-of-scope',
    { zh: '该人员不在您所在党组织的范围内', en: 'This person is not in your organisations' },
    'personId',
    403,
  );

@Controller('discipline')
export class EligibilityController {
  constructor(
    private readonly facts: DisciplineFacts,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('eligibility/:personId')
  @Allow('discipline-eligibility', 'list')
  @ApiQuery({ name: 'on', required: false, description: 'The day (YYYY-MM-DD, default today in Asia/Shanghai).' })
  @ApiOkResponse({ description: 'Each right on the day: allowed, until (last day), and for the bureau every reason.' })
  eligibility(
    @Param('personId', ParseUUIDPipe) personId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
  ) {
    const { on = shanghaiDate(this.clock.now()) } = parseWith(dayQuery, query);
    const person = personOf(this.db, personId);
    if (!person) throw new NotFoundError({ zh: '人员', en: 'Person' }, personId);
    const actor = request.user;
    if (!readsCaseFiles(actor) && !(person.orgId && actor && scopeOf(actor).orgIds.includes(person.orgId)))
      throw outOfScope();
    const eligibility = this.facts.eligibility(personId, on);
    return {
      personId,
      name: person.name,
      on,
      labels: RIGHT_LABELS,
      rights: readsCaseFiles(actor) ? eligibility : redact(eligibility),
    };
  }

  /** The people of an organisation (a secretary: its own) with a right withheld on the day, and until when. */
  @Get('restricted-members')
  @Allow('discipline-eligibility', 'list')
  @ApiOkResponse({ description: 'Members with any right withheld on the day: rights and last days only.' })
  restricted(@Query() query: Record<string, unknown>, @Req() request: ActorRequest) {
    const { orgId, on = shanghaiDate(this.clock.now()) } = parseWith(orgQuery, query);
    const actor = request.user;
    let orgIds: readonly string[] | null = orgId ? [orgId] : null;
    if (!readsCaseFiles(actor)) {
      const own = actor ? scopeOf(actor).orgIds : [];
      if (orgId && !own.includes(orgId)) throw outOfScope();
      orgIds = orgId ? [orgId] : own;
    }
    return peopleWithRecordsIn(this.db, orgIds).flatMap((p) => {
      const rights = redact(this.facts.eligibility(p.personId, on));
      return Object.values(rights).some((r) => !r.allowed) ? [{ ...p, on, rights }] : [];
    });
  }

  @Get('advanced-org-eligibility')
  @Allow('discipline-cases', 'list')
  @ApiOkResponse({ description: 'Whether an organisation may be 先进基层党组织 on the day, with the violations.' })
  advancedOrg(@Query() query: Record<string, unknown>) {
    const { orgId, on = shanghaiDate(this.clock.now()) } = parseWith(orgQuery, query);
    return { orgId, on, ...this.facts.advancedOrgEligibility({ orgId }, on) };
  }

  @Get('periods')
  @Allow('discipline-cases', 'list')
  @ApiOkResponse({ description: 'The period tables (versions with effective dates) sanctions are decided by.' })
  periods() {
    return activePeriodBook;
  }
}

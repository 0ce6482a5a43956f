import { HttpException, Inject, Injectable } from '@nestjs/common';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import type { CommandMessage } from '../core/command-handling.js';
import { NotFoundError } from '../core/errors.js';
import { commandMetadataFrom, type Actor, type ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { OrganizationsFacts } from '../organizations/organizations.facts.js';
import type { z } from 'zod';
import type { DevelopmentCase } from './development-case.js';
import { STEP_RULES, titleOf, type CommandKey } from './development-steps.js';
import type { StepCommand } from './commands/step-support.js';
import { getDevelopmentCase } from './projections/development-cases.projection.js';

type DevelopmentCaseRow = NonNullable<ReturnType<typeof getDevelopmentCase>>;

type Message<Type extends string, Data> = new (
  command: StepCommand<Type, Data>,
) => CommandMessage<StepCommand<Type, Data>, DevelopmentCase>;

/**
 * What every step route does: validate the body, check the actor may act on the case (its scope, and
 * for the higher committee's steps its approval authority), send the command.
 */
@Injectable()
export class StepSender {
  constructor(
    private readonly commands: CommandGateway,
    private readonly roster: OrganizationsFacts,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Sends step (or record) `key` of the case: the body checked by `schema`, the command built by `Command`. */
  send<Type extends string, S extends z.ZodType>(
    request: ActorRequest,
    personId: string,
    key: CommandKey,
    type: Type,
    schema: S,
    body: unknown,
    Command: Message<Type, z.output<S>>,
  ) {
    const data = parseWith(schema, body);
    const row = this.caseInScope(request, personId);
    this.assertMayTake(request.user, key, row);
    const metadata = commandMetadataFrom(request, this.clock);
    return this.commands.send(
      new Command(command(type, { ...(data as object), personId } as z.output<S> & { personId: string }, metadata)),
    );
  }

  /**
   * The case, when it is in the actor's reach (a 404 when there is none, a 403 when it is outside): a
   * secretary's organisations and every one under them, so a committee's secretary reaches its branches'
   * cases; an instructor's units (the one scope, core/http/scope.ts).
   */
  caseInScope(request: ActorRequest, personId: string): DevelopmentCaseRow {
    const row = getDevelopmentCase(this.db, personId);
    if (!row) throw new NotFoundError({ zh: '发展记录', en: 'Development case' }, personId);
    assertOrgInScope(request.user, row.orgId, row.unitId);
    return row;
  }

  /**
   * Does the actor speak for the committee that approves this case (domain.md §4.1)? The bureau's roles
   * always do. A secretary does when the nearest basic-level Party committee with approval authority at
   * or above the case's organisation is one of their own organisations: never as the secretary of a
   * branch or a general branch (党总支), which may review but not approve.
   */
  approvesCase(actor: Actor | undefined, row: Pick<DevelopmentCaseRow, 'orgId'>): boolean {
    if (!actor || actor.unrestricted) return true;
    const committee = this.roster.approvingCommitteeOf(row.orgId);
    return committee !== null && actor.orgIds.includes(committee.id);
  }

  /** A committee's step (STEP_RULES `authority`) by anyone else than the approving committee: 403. */
  assertMayTake(actor: Actor | undefined, key: CommandKey, row: Pick<DevelopmentCaseRow, 'orgId'>): void {
    if (!STEP_RULES[key].authority || this.approvesCase(actor, row)) return;
    const committee = this.roster.approvingCommitteeOf(row.orgId);
    const title = titleOf(key);
    const step = { zh: `第${title.number}步“${title.zh}”`, en: `Step ${title.number} (${title.en})` };
    throw new HttpException(
      {
        code: 'development.approval-authority-required',
        message: {
          zh:
            `${step.zh}由具有审批权限的基层党委办理，党支部、党总支只能审查、不能审批；` +
            (committee
              ? `本发展对象由“${committee.name}”审批，须由其书记或教育局党委办理`
              : '本发展对象所在党组织之上没有具有审批权限的党委，由教育局党委办理'),
          en:
            `${step.en} is taken by the basic-level Party committee with approval authority; a branch or a ` +
            'general branch may review but not approve. ' +
            (committee
              ? `This case is approved by ${committee.name}: its secretary or the bureau takes this step`
              : 'No committee with approval authority is above this case: the bureau takes this step'),
        },
      },
      403,
    );
  }
}

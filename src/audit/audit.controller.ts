import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { EVENT_OWNERS } from '../core/feature.js';
import { Allow } from '../core/http/access.js';
import { parseExportQuery } from '../core/http/export.js';
import { parseListQuery, setContentRange, type ListSpec } from '../core/http/list-query.js';
import { ListRoute } from '../core/http/openapi.js';
import type { ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { endOfMonth, shanghaiDate } from '../core/time/local-date.js';
import { AssessmentFacts, type PointInTime, type ScoreAt } from '../assessment/assessment.facts.js';
import { namesOf } from './activity-names.js';
import { dossierHtml, dossierWorkbook, type AuditDossier } from './audit-export.js';
import { AuditReadRecorder } from './audit-reads.js';
import { referencesIn } from './event-fields.js';
import { verificationStatus } from './integrity-status.js';
import { endOfShanghaiDay, parsePoint, parseTwoPoints } from './point-in-time.js';
import {
  activityList,
  knownUnitList,
  knownUnits,
  listUnitTimeline,
  unitName,
} from './projections/activity.projection.js';
import { auditReadList, listAuditReads } from './projections/audit-reads.projection.js';
import { diffScores } from './score-diff.js';

const UNIT = { zh: '单位', en: 'Unit' };
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** A unit's timeline: the activity log's filters, and `feature` (the feature that writes the event types). */
const timelineList = (owners: ReadonlyMap<string, string>): ListSpec => ({
  ...activityList,
  filters: {
    ...activityList.filters,
    feature: (value) => {
      const features = (Array.isArray(value) ? value : [value]).map(String);
      const known = new Set(owners.values());
      const unknown = features.find((feature) => !known.has(feature));
      if (unknown !== undefined && owners.size > 0)
        throw new ValidationError([
          {
            field: 'filter.feature',
            code: 'invalid_value',
            message: { zh: `没有名为 ${unknown} 的功能`, en: `no feature named ${unknown}` },
          },
        ]);
      const types = [...owners].filter(([, owner]) => features.includes(owner)).map(([type]) => type);
      return { sql: `type IN (${types.map(() => '?').join(', ') || 'NULL'})`, params: types };
    },
  },
});

/** A point as JSON: the position as text (a bigint has no JSON form). */
const shownPoint = ({ atPosition, ...rest }: PointInTime) => ({
  ...rest,
  ...(atPosition !== undefined ? { atPosition: atPosition.toString() } : {}),
});

/** A score at a point as served: without the events themselves (their count; the timeline lists them). */
const shownScore = ({ events, at, ...rest }: ScoreAt) => ({
  ...rest,
  at: shownPoint(at),
  eventCount: events.length,
  lastPosition: events.length ? events[events.length - 1].position.toString() : null,
});

/**
 * What auditors read (issue 15): a unit's timeline across every stream, its state and score as of a business
 * date or as known at a record time under the rules in force then, the diff of two points, the year's audit
 * file (.xlsx, printable HTML). Read-only: every route is a GET, and every read of a unit is recorded first
 * (AuditViewed events, listed for the bureau at /audit/reads).
 */
@Controller('audit')
export class AuditController {
  private readonly timeline: ListSpec;

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_OWNERS) private readonly owners: ReadonlyMap<string, string>,
    private readonly facts: AssessmentFacts,
    private readonly reads: AuditReadRecorder,
  ) {
    this.timeline = timelineList(owners);
  }

  /** The units the log knows, by name: where an audit starts. Not recorded (names only, no history). */
  @Get('units')
  @Allow('audit-units', 'list')
  @ListRoute(knownUnitList)
  units(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, knownUnitList);
    const { rows, total } = knownUnits(this.db, listQuery);
    setContentRange(response, 'audit-units', listQuery.offset, rows.length, total);
    return rows;
  }

  /** Who read what, when: every recorded read of a unit's audit pages, newest first (the bureau's list). */
  @Get('reads')
  @Allow('audit-reads', 'list')
  @ListRoute(auditReadList)
  readsList(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, auditReadList);
    const { rows, total } = listAuditReads(this.db, listQuery);
    setContentRange(response, 'audit-reads', listQuery.offset, rows.length, total);
    return rows;
  }

  /** A unit's audit page: its name, the years it can be scored for, the log's head. */
  @Get('units/:unitId')
  @Allow('audit-units', 'show')
  async unit(@Param('unitId', ParseUUIDPipe) unitId: string, @Req() request: ActorRequest) {
    const name = this.unitName(unitId);
    await this.reads.record(request, 'unit', unitId);
    return { id: unitId, name, today: shanghaiDate(this.clock.now()) };
  }

  @Get('units/:unitId/timeline')
  @Allow('audit-units', 'show')
  @ListRoute(timelineList(new Map()))
  async unitTimeline(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    this.unitName(unitId);
    const listQuery = parseListQuery(query, this.timeline);
    await this.reads.record(request, 'timeline', unitId);
    const { rows, total } = listUnitTimeline(this.db, unitId, listQuery);
    setContentRange(response, 'audit-timeline', listQuery.offset, rows.length, total);
    return rows.map((row) => ({ ...row, feature: this.owners.get(row.type) ?? null }));
  }

  /**
   * The unit's state and score for a year at a point: `asOf` (a business date), `knownAt` (a date or an
   * instant of record time) or `position` (a global position), combinable; none is "everything known now".
   */
  @Get('units/:unitId/score')
  @Allow('audit-units', 'show')
  async score(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
  ) {
    this.unitName(unitId);
    const year = this.year(query);
    const point = parsePoint(query);
    await this.reads.record(request, 'score', unitId, year);
    return shownScore(await this.facts.scoreUnitAt(unitId, year, point));
  }

  /** What changed between two points (`fromAsOf`/`fromKnownAt`/`fromPosition`, the same with `to`). */
  @Get('units/:unitId/diff')
  @Allow('audit-units', 'show')
  async diff(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
  ) {
    this.unitName(unitId);
    const year = this.year(query);
    const { from, to } = parseTwoPoints(query);
    await this.reads.record(request, 'diff', unitId, year);
    const [before, after] = [
      await this.facts.scoreUnitAt(unitId, year, from),
      await this.facts.scoreUnitAt(unitId, year, to),
    ];
    return { unitId, year, from: shownScore(before), to: shownScore(after), ...diffScores(before, after) };
  }

  /**
   * The unit's evaluation file for a year (`format=xlsx|html`, `lang=zh|en`): the score now with every point
   * explained, the score at each month's end, every event in words, and the log's verification status.
   */
  @Get('units/:unitId/export')
  @Allow('audit-units', 'export')
  async export(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res() response: Response,
  ) {
    const unitName = this.unitName(unitId);
    const year = this.year(query);
    const format = query.format === undefined || query.format === '' ? 'xlsx' : query.format;
    if (format !== 'xlsx' && format !== 'html')
      throw new ValidationError([
        {
          field: 'format',
          code: 'invalid_value',
          message: { zh: '导出格式应为 xlsx 或 html', en: 'format must be xlsx or html' },
        },
      ]);
    const { lang } = parseExportQuery({ lang: query.lang });
    await this.reads.record(request, 'export', unitId, year);
    const dossier = await this.dossier(unitId, unitName, year, request);
    const filename = encodeURIComponent(`${unitName}-${year}-${lang === 'zh' ? '审计材料' : 'audit'}`);
    response.setHeader('Content-Language', lang);
    if (format === 'html') {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.setHeader('Content-Disposition', `inline; filename*=UTF-8''${filename}.html`);
      response.send(dossierHtml(dossier, lang));
      return;
    }
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${filename}.xlsx`);
    response.send(await dossierWorkbook(dossier, lang));
  }

  private async dossier(unitId: string, name: string, year: number, request: ActorRequest): Promise<AuditDossier> {
    const now = await this.facts.scoreUnitAt(unitId, year);
    const today = shanghaiDate(this.clock.now());
    const months: ScoreAt[] = [];
    for (let month = 1; month <= 12; month++) {
      const end = endOfMonth(`${year}-${String(month).padStart(2, '0')}-01`);
      if (end > today && months.length > 0) break;
      months.push(await this.facts.scoreUnitAt(unitId, year, { occurredBy: endOfShanghaiDay(end) }));
    }
    const refs = now.events.flatMap((event) => [
      { kind: 'user' as const, id: event.metadata.actorId },
      ...referencesIn(event.data),
    ]);
    return {
      unitId,
      unitName: name,
      year,
      exportedAt: this.clock.now().toISOString(),
      exportedBy: request.user?.id ?? '',
      verification: await verificationStatus(request),
      now,
      months,
      names: namesOf(this.db, refs),
    };
  }

  /** The unit's name in the log; a unit the log has never named is a 404. */
  private unitName(unitId: string): string {
    const name = unitName(this.db, unitId);
    if (name === null) throw new NotFoundError(UNIT, unitId);
    return name;
  }

  private year(query: Record<string, unknown>): number {
    const { year } = parseWith(yearQuery, { year: query.year === '' ? undefined : query.year });
    return year ?? Number(shanghaiDate(this.clock.now()).slice(0, 4));
  }
}

import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { DomainError, NotFoundError } from '../core/errors.js';
import { EVENT_OWNERS } from '../core/feature.js';
import { Allow } from '../core/http/access.js';
import { parseExportQuery } from '../core/http/export.js';
import { BodySchema } from '../core/http/openapi.js';
import { commandMetadataFrom, type ActorRequest } from '../core/http/request-context.js';
import { assertUnitInScope, scopeOf } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { DraftRuleSetCommand, EditRuleSetDraftCommand, PublishRuleSetCommand } from './commands/rule-set-handlers.js';
import {
  assessmentYear,
  draftRuleSetBody,
  editRuleSetDraftBody,
  publishRuleSetBody,
} from './commands/rule-set-commands.js';
import { assessedUnit, assessedUnits, type AssessedUnit } from './projections/assessed-units.projection.js';
import {
  publishedRuleSet,
  ruleSetOfYear,
  ruleSetYears,
  type PublishedRuleSet,
} from './projections/rule-sets.projection.js';
import { RULE_SET_JSON_SCHEMA, ruleSetBodySchema, ruleSetIssues, validRuleSet, type RuleSetBody } from './rule-set.js';
import { bulletin, bulletins, type Bulletin } from './projections/bulletins.projection.js';
import {
  allFacts,
  ranked,
  scoresAsOf,
  scoringDay,
  storedScore,
  storedScores,
  unitFacts,
} from './projections/scores.projection.js';
import { bulletinPeriod, periodEnd, publishBulletinBody } from './commands/bulletin-commands.js';
import { PublishBulletinCommand } from './commands/bulletin-handlers.js';
import { resultsWorkbook } from './results-export.js';
import { gradeForTotal, score, scoreWithManual, type UnitScore } from './scorer.js';
import { reviewOf } from './projections/reviews.projection.js';
import {
  adjustScoreBody,
  combine,
  objectionBody,
  objectionWindowEnd,
  reviewHistory,
  scoreItemsBody,
} from './commands/review-commands.js';
import {
  AdjustScoreCommand,
  FinaliseResultCommand,
  RaiseObjectionCommand,
  ScoreManualItemsCommand,
} from './commands/review-handlers.js';
import { defaultChinaCalendar } from '../core/time/china-holidays.js';

const RULES = { zh: '考核细则', en: 'Assessment rules' };
const UNIT = { zh: '单位', en: 'Unit' };
const CHINA_CALENDAR = defaultChinaCalendar();

/** The manual items of a rule set (what self-assessment and the superior's scoring fill in). */
const manualIndicatorsOf = (body: RuleSetBody) =>
  body.sections.flatMap((section) =>
    section.indicators.flatMap((indicator) =>
      indicator.kind === 'manual' ? [{ id: indicator.id, maxPoints: indicator.maxPoints }] : [],
    ),
  );

const BULLETIN = { zh: '考核通报', en: 'Assessment bulletin' };

const yearParam = z.strictObject({ year: z.coerce.number().pipe(assessmentYear()) });
const scoreQuery = z.object({
  year: z.coerce.number().pipe(assessmentYear()).optional(),
  version: z.coerce.number().pipe(z.int().min(1).max(10_000)).optional(),
});

/** The bodies as documented: the rule set's own schema inside (parsed apart, to name errors by JSON path). */
const draftDocs = draftRuleSetBody.extend({ body: ruleSetBodySchema });
const editDocs = editRuleSetDraftBody.extend({ body: ruleSetBodySchema });
const validateBody = z.strictObject({ body: z.unknown() });
const validateDocs = z.strictObject({ body: ruleSetBodySchema });

/**
 * The annual target-responsibility assessment (年度目标责任考核): each year's rules, drafted, validated
 * and published in versions by the bureau, and the scores they give each unit, computed on read from the
 * stored scores projection (projections/scores.projection.ts) with every point explained.
 */
@Controller('assessment')
export class AssessmentController {
  private readonly knownEventTypes: ReadonlySet<string>;

  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_OWNERS) eventOwners: ReadonlyMap<string, string>,
  ) {
    this.knownEventTypes = new Set(eventOwners.keys());
  }

  /** The JSON Schema every rule set's body is validated by (draft 2020-12). */
  @Get('ruleset-schema')
  @Allow('assessment-rules', 'show')
  schema() {
    return RULE_SET_JSON_SCHEMA;
  }

  @Get('rulesets')
  @Allow('assessment-rules', 'list')
  list() {
    return ruleSetYears(this.db);
  }

  @Get('rulesets/:year')
  @Allow('assessment-rules', 'show')
  show(@Param('year') year: string) {
    const found = ruleSetOfYear(this.db, this.year(year));
    if (!found) throw new NotFoundError(RULES, year);
    return found;
  }

  /** A version as published (its body), for reading the rules a score was computed under. */
  @Get('rulesets/:year/versions/:version')
  @Allow('assessment-rules', 'show')
  version(@Param('year') year: string, @Param('version') version: string) {
    const { version: number } = parseWith(scoreQuery, { version });
    const found = number === undefined ? null : publishedRuleSet(this.db, this.year(year), { version: number, on: '' });
    if (!found) throw new NotFoundError(RULES, `${year} v${version}`);
    return found;
  }

  /** The year's first draft (the year in the path: one stream per year). */
  @Post('rulesets/:year')
  @Allow('assessment-rules', 'create')
  @BodySchema(draftDocs)
  async draft(@Param('year') yearText: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const year = this.year(yearText);
    const { body: ruleSet } = parseWith(draftRuleSetBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new DraftRuleSetCommand(command('DraftRuleSet', { year, body: ruleSet }, metadata)),
    );
    return { id: year, ...receipt };
  }

  /** Replaces the draft's body; `expectedRevision` (the revision read) turns a concurrent edit into a 409. */
  @Post('rulesets/:year/draft')
  @Allow('assessment-rules', 'edit')
  @BodySchema(editDocs)
  async edit(@Param('year') yearText: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const year = this.year(yearText);
    const { body: ruleSet, expectedRevision } = parseWith(editRuleSetDraftBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new EditRuleSetDraftCommand(command('EditRuleSetDraft', { year, body: ruleSet }, metadata), { expectedRevision }),
    );
    return { id: year, ...receipt };
  }

  /** Checks a rule set without saving it: every error at its JSON path (the editor shows them in place). */
  @Post('rulesets/:year/validate')
  @Allow('assessment-rules', 'edit')
  @BodySchema(validateDocs)
  validate(@Param('year') year: string, @Body() body: unknown) {
    this.year(year);
    const { issues } = ruleSetIssues(parseWith(validateBody, body).body, this.knownEventTypes);
    return {
      valid: issues.length === 0,
      errors: issues.map(({ field, code, message }) => ({ path: field, code, message })),
    };
  }

  @Post('rulesets/:year/publish')
  @Allow('assessment-rules', 'approve')
  @BodySchema(publishRuleSetBody)
  async publish(@Param('year') yearText: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const year = this.year(yearText);
    const { effectiveOn, expectedRevision } = parseWith(publishRuleSetBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new PublishRuleSetCommand(command('PublishRuleSet', { year, effectiveOn }, metadata), { expectedRevision }),
    );
    return { id: year, ...receipt };
  }

  /**
   * What-if: every unit the reader may see scored under the year's draft beside the version in force, the
   * largest changes first, before the draft is published. Nothing is written.
   */
  @Get('rulesets/:year/what-if')
  @Allow('assessment-rules', 'edit')
  async whatIf(@Param('year') yearText: string, @Req() request: ActorRequest) {
    const year = this.year(yearText);
    const found = ruleSetOfYear(this.db, year);
    if (!found) throw new NotFoundError(RULES, yearText);
    const today = shanghaiDate(this.clock.now());
    // As of the stored scores' day, so that "before" is the stored score and only the rules differ.
    const asOf = scoringDay(this.db, year);
    const draft = validRuleSet(found.draft, this.knownEventTypes);
    const inForce = publishedRuleSet(this.db, year, { on: today });
    const stored = new Map(inForce ? storedScores(this.db, year, inForce.version).map((row) => [row.unitId, row]) : []);
    const facts = allFacts(this.db, year);
    const rows = [];
    for (const unit of this.unitsFor(request)) {
      const after = score(draft, { id: unit.id, type: unit.type }, facts.get(unit.id) ?? [], year, asOf);
      const before = stored.get(unit.id) ?? null;
      const beforeGrade = before && inForce?.body.gradeBands.find((band) => band.id === before.gradeId);
      rows.push({
        id: unit.id,
        unitId: unit.id,
        name: unit.name,
        before:
          before && beforeGrade ? { total: before.total, grade: { id: beforeGrade.id, name: beforeGrade.name } } : null,
        after: { total: after.total, grade: after.grade },
        change: before ? Math.round((after.total - before.total) * 10) / 10 : null,
      });
    }
    rows.sort(
      (a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) || a.name.localeCompare(b.name, 'zh-Hans-CN'),
    );
    return {
      year,
      draftRevision: found.revision,
      against: inForce && { version: inForce.version, effectiveOn: inForce.effectiveOn },
      asOf,
      rows,
    };
  }

  /**
   * A unit's score for a year under a published version (the one in force today by default), every point
   * explained down to the events, as the scores projection stored it.
   */
  @Get('units/:unitId/score')
  @Allow('assessment-scores', 'show')
  async unitScore(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
  ) {
    assertUnitInScope(request.user, unitId);
    const { ruleSet } = this.rulesFor(query);
    const unit = assessedUnit(this.db, unitId);
    if (!unit) throw new NotFoundError(UNIT, unitId);
    return { unit, ...this.versionOf(ruleSet), ...this.scoreOf(ruleSet, unit) };
  }

  /** Every unit the reader may see, ranked by total (equal totals share a rank), with its grade. */
  @Get('scores')
  @Allow('assessment-scores', 'list')
  async scores(@Query() query: Record<string, unknown>, @Req() request: ActorRequest) {
    const { year } = this.yearAndVersion(query);
    // A year without published rules has no scores yet: an empty ranking, not an error.
    if (!publishedRuleSet(this.db, year, { on: '9999-12-31' })) return { year, version: null, rows: [] };
    const { ruleSet } = this.rulesFor(query);
    return { ...this.versionOf(ruleSet), asOf: scoringDay(this.db, year), rows: this.ranking(ruleSet, request) };
  }

  /**
   * The results as an Excel workbook (`?lang=zh|en`): the ranking with grades and section points, and a
   * second sheet with every line of each unit's explanation. The units the reader may see. A report of
   * one version's results rather than a list export (no sort or filter); a year without published rules
   * gives the sheets with their headers only, as the ranking is empty then.
   */
  @Get('scores/workbook')
  @Allow('assessment-scores', 'list')
  @ApiQuery({ name: 'year', required: false, schema: { type: 'integer' } })
  @ApiQuery({ name: 'version', required: false, schema: { type: 'integer' } })
  @ApiQuery({ name: 'lang', required: false, schema: { type: 'string', default: 'zh' } })
  @ApiOkResponse({ description: 'The .xlsx file, as an attachment.' })
  async exportScores(@Query() query: Record<string, unknown>, @Req() request: ActorRequest, @Res() response: Response) {
    const { lang } = parseExportQuery({ format: 'xlsx', lang: query.lang });
    const { year } = this.yearAndVersion(query);
    const ruleSet = publishedRuleSet(this.db, year, { on: '9999-12-31' }) ? this.rulesFor(query).ruleSet : null;
    const rows = ruleSet
      ? this.ranking(ruleSet, request).map((row) => ({
          rank: row.rank,
          name: row.name,
          score: storedScore(this.db, ruleSet.year, ruleSet.version, row.unitId)!,
        }))
      : [];
    const title = ruleSet
      ? {
          zh: `${year}年度考核结果（第${ruleSet.version}版细则）`,
          en: `${year} assessment results (rules v${ruleSet.version})`,
        }
      : { zh: `${year}年度考核结果`, en: `${year} assessment results` };
    const file = await resultsWorkbook(rows, lang, title);
    const stamp = shanghaiDate(this.clock.now());
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`${title[lang]}-${stamp}`)}.xlsx`,
    );
    response.setHeader('Content-Language', lang);
    response.send(file);
  }

  /**
   * The stored scores of a version, ranked among ALL units (equal totals share a rank: 1, 1, 3), then cut
   * to the units the reader may see: a secretary sees its unit's place in the county.
   */
  private ranking(ruleSet: PublishedRuleSet, request: ActorRequest) {
    const bands = new Map(ruleSet.body.gradeBands.map((band) => [band.id, band]));
    const names = new Map(this.unitsFor(request).map((unit) => [unit.id, unit]));
    const everyone = storedScores(this.db, ruleSet.year, ruleSet.version);
    const rankOf = new Map<number, number>();
    everyone.forEach((row, index) => {
      if (!rankOf.has(row.total)) rankOf.set(row.total, index + 1);
    });
    return everyone
      .filter((row) => names.has(row.unitId))
      .map((row) => {
        const unit = names.get(row.unitId)!;
        const band = bands.get(row.gradeId)!;
        return {
          id: row.unitId,
          rank: rankOf.get(row.total)!,
          unitId: row.unitId,
          name: unit.name,
          type: unit.type,
          total: row.total,
          grade: { id: band.id, name: band.name },
          vetoedBy: row.vetoedBy,
        };
      })
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  }

  /**
   * The bureau publishes a period's bulletin (季通报 'YYYY-Qn', or the year-end result 'YYYY'): every unit
   * scored as of the period's last day under the version in force then (or the one asked for), ranked,
   * the bottom three flagged. Once per period (409 after).
   */
  @Post('bulletins/:year')
  @Allow('assessment-bulletins', 'create')
  @BodySchema(publishBulletinBody)
  async publishBulletin(@Param('year') yearText: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const year = this.year(yearText);
    const { period, publishedOn, version } = parseWith(publishBulletinBody, body);
    const end = periodEnd(period);
    const ruleSet = publishedRuleSet(this.db, year, { version, on: end });
    if (!ruleSet) throw this.noRules(year, version);
    const names = new Map(assessedUnits(this.db, null).map((unit) => [unit.id, unit.name]));
    const ranking = ranked(
      scoresAsOf(this.db, year, ruleSet.body, end).filter((row) => names.has(row.unitId)),
      (unitId) => names.get(unitId) ?? '',
    ).map(({ unitId, rank, total, grade }) => ({ unitId, rank, total, gradeId: grade.id }));
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new PublishBulletinCommand(
        command(
          'PublishBulletin',
          { year, period, version: ruleSet.version, publishedOn: publishedOn ?? null, ranking },
          metadata,
        ),
      ),
    );
    return { id: `${year}-${period}`, ...receipt };
  }

  /** The bulletins published (of a year when `year` is given), each ranking with the units' names. */
  @Get('bulletins')
  @Allow('assessment-bulletins', 'list')
  listBulletins(@Query() query: Record<string, unknown>, @Req() request: ActorRequest) {
    const { year } = parseWith(scoreQuery, { year: query.year });
    return bulletins(this.db, year ?? null).map((found) => this.named(found, request));
  }

  @Get('bulletins/:year/:period')
  @Allow('assessment-bulletins', 'show')
  showBulletin(@Param('year') yearText: string, @Param('period') period: string, @Req() request: ActorRequest) {
    const year = this.year(yearText);
    parseWith(z.strictObject({ period: bulletinPeriod() }), { period });
    const found = bulletin(this.db, year, period);
    if (!found) throw new NotFoundError(BULLETIN, `${year} ${period}`);
    return this.named(found, request);
  }

  /**
   * A bulletin as a reader sees it: the units' names and grades; a secretary sees its own units' places
   * (and how many were ranked), not the rest of the county's.
   */
  private named(found: Bulletin, request: ActorRequest) {
    const visible = new Map(this.unitsFor(request).map((unit) => [unit.id, unit.name]));
    const ruleSet = publishedRuleSet(this.db, found.year, { version: found.version, on: '' });
    const bands = new Map(ruleSet?.body.gradeBands.map((band) => [band.id, band.name]) ?? []);
    return {
      ...found,
      ranked: found.ranking.length,
      ranking: found.ranking
        .filter((row) => visible.has(row.unitId))
        .map((row) => ({
          ...row,
          name: visible.get(row.unitId)!,
          grade: bands.get(row.gradeId) ?? null,
          flagged: found.flaggedUnitIds.includes(row.unitId),
        })),
      flaggedUnitIds: found.flaggedUnitIds.filter((unitId) => visible.has(unitId)),
    };
  }

  private noRules(year: number, version: number | undefined) {
    return new DomainError(
      'assessment.no-published-rules',
      version === undefined
        ? { zh: `${year} 年度尚未发布考核细则`, en: `No assessment rules published for ${year}` }
        : { zh: `${year} 年度没有第 ${version} 版考核细则`, en: `No version ${version} of the ${year} rules` },
      version === undefined ? 'year' : 'version',
      404,
    );
  }

  /**
   * A unit's year under review: the self-assessment and the bureau's scoring (each the stored facts'
   * score with its own manual points), the adjustments, the combined result by the rules' weights, the
   * comments and objections with the window's last day, and the final result once there is one.
   */
  @Get('units/:unitId/review')
  @Allow('assessment-reviews', 'show')
  review(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
  ) {
    assertUnitInScope(request.user, unitId);
    const unit = assessedUnit(this.db, unitId);
    if (!unit) throw new NotFoundError(UNIT, unitId);
    const { ruleSet } = this.rulesFor(query);
    return { unit, ...this.versionOf(ruleSet), ...this.reviewOf(ruleSet, unit) };
  }

  @Post('units/:unitId/review/:year/self')
  @Allow('assessment-self', 'edit')
  @BodySchema(scoreItemsBody)
  scoreSelf(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('year') year: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    return this.scoreItems('self', unitId, year, body, request);
  }

  @Post('units/:unitId/review/:year/superior')
  @Allow('assessment-reviews', 'edit')
  @BodySchema(scoreItemsBody)
  scoreSuperior(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('year') year: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    return this.scoreItems('superior', unitId, year, body, request);
  }

  @Post('units/:unitId/review/:year/adjust')
  @Allow('assessment-reviews', 'edit')
  @BodySchema(adjustScoreBody)
  async adjust(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('year') yearText: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    const { year } = this.reviewTarget(unitId, yearText, request);
    const data = parseWith(adjustScoreBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new AdjustScoreCommand(command('AdjustScore', { year, unitId, ...data }, metadata)),
    );
    return { id: unitId, ...receipt };
  }

  @Post('units/:unitId/review/:year/objection')
  @Allow('assessment-self', 'create')
  @BodySchema(objectionBody)
  async object(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('year') yearText: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    const { year } = this.reviewTarget(unitId, yearText, request);
    const data = parseWith(objectionBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new RaiseObjectionCommand(command('RaiseObjection', { year, unitId, ...data }, metadata)),
    );
    return { id: unitId, ...receipt };
  }

  /** The bureau closes the unit's year with the combined result as it stands; nothing is edited after it. */
  @Post('units/:unitId/review/:year/finalise')
  @Allow('assessment-reviews', 'approve')
  @BodySchema(z.strictObject({}))
  async finalise(
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('year') yearText: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    const { year, unit, ruleSet } = this.reviewTarget(unitId, yearText, request);
    parseWith(z.strictObject({}), body ?? {});
    const { combined } = this.reviewOf(ruleSet, unit);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new FinaliseResultCommand(
        command(
          'FinaliseResult',
          {
            year,
            unitId,
            version: ruleSet.version,
            selfTotal: combined.selfTotal,
            superiorTotal: combined.superiorTotal,
            total: combined.total,
            gradeId: combined.grade.id,
            manualIndicators: manualIndicatorsOf(ruleSet.body),
          },
          metadata,
        ),
      ),
    );
    return { id: unitId, ...receipt };
  }

  private async scoreItems(
    by: 'self' | 'superior',
    unitId: string,
    yearText: string,
    body: unknown,
    request: ActorRequest,
  ) {
    const { year, ruleSet } = this.reviewTarget(unitId, yearText, request);
    const { items } = parseWith(scoreItemsBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new ScoreManualItemsCommand(
        command(
          'ScoreManualItems',
          { year, unitId, version: ruleSet.version, by, items, manualIndicators: manualIndicatorsOf(ruleSet.body) },
          metadata,
        ),
      ),
    );
    return { id: unitId, ...receipt };
  }

  /** The unit (in the reader's scope) and the year's rules in force, or the error saying why not. */
  private reviewTarget(unitId: string, yearText: string, request: ActorRequest) {
    assertUnitInScope(request.user, unitId);
    const year = this.year(yearText);
    const unit = assessedUnit(this.db, unitId);
    if (!unit) throw new NotFoundError(UNIT, unitId);
    const { ruleSet } = this.rulesFor({ year });
    return { year, unit, ruleSet };
  }

  private reviewOf(ruleSet: PublishedRuleSet, unit: AssessedUnit) {
    const { year, body } = ruleSet;
    const found = reviewOf(this.db, year, unit.id);
    const state = found?.state ?? reviewHistory.initialState();
    const facts = unitFacts(this.db, year, unit.id);
    const asOf = scoringDay(this.db, year);
    const scored = { id: unit.id, type: unit.type };
    const self = scoreWithManual(body, scored, facts, year, asOf, new Map(Object.entries(state.self)));
    const superior = scoreWithManual(body, scored, facts, year, asOf, new Map(Object.entries(state.superior)));
    const totals = combine(self.total, superior.total, state.adjustments, body.weights);
    const grade = gradeForTotal(body.gradeBands, totals.total, superior.vetoedBy ? [superior.vetoedBy.capAt] : []);
    return {
      revision: found?.revision ?? null,
      weights: body.weights,
      self,
      superior,
      adjustments: state.adjustments,
      combined: { ...totals, grade: { id: grade.id, name: grade.name } },
      objections: found?.objections ?? [],
      objectionWindowEndsOn: state.lastSuperiorOn ? objectionWindowEnd(state.lastSuperiorOn, CHINA_CALENDAR) : null,
      result: found?.result ?? null,
    };
  }

  /** The units the reader may see: all of them for the bureau and auditors, a secretary's own. */
  private unitsFor(request: ActorRequest) {
    const actor = request.user;
    return assessedUnits(this.db, actor && !actor.unrestricted ? scopeOf(actor).visibleUnitIds : null);
  }

  private year(text: string): number {
    return parseWith(yearParam, { year: text }).year;
  }

  /** The version asked for or in force, and the last business day counted: today within the year. */
  private yearAndVersion(query: Record<string, unknown>) {
    const today = shanghaiDate(this.clock.now());
    const { year = Number(today.slice(0, 4)), version } = parseWith(scoreQuery, {
      year: query.year,
      version: query.version,
    });
    return { today, year, version };
  }

  private rulesFor(query: Record<string, unknown>) {
    const { today, year, version } = this.yearAndVersion(query);
    const ruleSet = publishedRuleSet(this.db, year, { version, on: today });
    if (!ruleSet) throw this.noRules(year, version);
    return { ruleSet };
  }

  private versionOf({ year, version, effectiveOn, publishedAt }: PublishedRuleSet) {
    return { year, version, effectiveOn, publishedAt };
  }

  /** The stored score, every point explained; a unit the projection has not scored yet has none. */
  private scoreOf(ruleSet: PublishedRuleSet, unit: AssessedUnit): UnitScore {
    const stored = storedScore(this.db, ruleSet.year, ruleSet.version, unit.id);
    if (!stored) throw new NotFoundError(UNIT, unit.id);
    return stored;
  }
}

import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { foldStream } from '../core/command-handling.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { EVENT_STORE, type EventStore } from '../core/event-store/event-store.js';
import { Allow } from '../core/http/access.js';
import { parseListQuery, setContentRange, type ListQuery } from '../core/http/list-query.js';
import { BodySchema, ListRoute, NoBody } from '../core/http/openapi.js';
import { commandMetadataFrom, type ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import { listOpenObligations, OBLIGATION_SOURCES, type PublishedObligations } from '../core/obligations.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { ProjectionRunner } from '../core/projections/projection-runner.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { chinaCalendarYears } from '../core/time/china-holidays.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { QueueBoard } from './queue-board.js';
import {
  calendarBody,
  changeSettings,
  channelsBody,
  chooseChannels,
  configureRobot,
  removeRobot,
  robotBody,
  setCalendarYear,
  settingsBody,
  snoozeBody,
} from './commands/config-decisions.js';
import { readReminder, retryDelivery, snoozeReminder } from './commands/reminder-decisions.js';
import {
  channelsOf,
  configuredCalendarYears,
  currentSettings,
  deliveryList,
  escalatedObligationIds,
  getDelivery,
  getReminder,
  listDeliveries,
  listReminders,
  listRobotPage,
  listRobots,
  publicRobot,
  reminderCountsByUnit,
  reminderList,
  robotList,
  unreadCount,
} from './projections/reminder-queries.js';
import { ReminderEngine } from './reminder-engine.js';
import {
  calendarStream,
  channelsStream,
  deliveryStream,
  REMINDER_SETTINGS_STREAM,
  reminderStream,
  robotStream,
} from './reminders.events.js';
import { calendarYearModel, channelsModel, delivery, reminder, robotModel, settingsModel } from './reminders.js';

const notFound = (what: { zh: string; en: string }, id: string) => new NotFoundError(what, id);
const ROBOT = { zh: '群机器人', en: 'Group robot' };

/**
 * Reminders over HTTP: one's inbox (read, snooze), one's channels; for the bureau the reminder log, failed
 * deliveries (retry), the overview by unit, settings, robots and the working-day calendar.
 */
@Controller()
export class RemindersController {
  constructor(
    private readonly engine: ReminderEngine,
    private readonly board: QueueBoard,
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OBLIGATION_SOURCES) private readonly sources: PublishedObligations[],
  ) {}

  /** Appends what the decider decides (409 when another writer got there first), then reads its own write. */
  private async write<State, E extends import('../core/messages.js').Event>(
    request: ActorRequest,
    stream: string,
    model: import('../core/command-handling.js').StreamModel<State, E>,
    decide: (state: State) => E[],
  ) {
    const events = await this.engine.decide(stream, model, decide, commandMetadataFrom(request, this.clock), 'refuse');
    await this.projections.caughtUp();
    return events;
  }

  private mine(query: ListQuery, request: ActorRequest): ListQuery {
    return {
      ...query,
      where: query.where ? `${query.where} AND r.recipient_id = ?` : 'WHERE r.recipient_id = ?',
      params: [...query.params, request.user!.id],
    };
  }

  @Get('reminder-inbox')
  @Allow('reminder-inbox', 'list')
  @ListRoute(reminderList)
  inbox(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, reminderList);
    const { rows, total } = listReminders(this.db, this.mine(listQuery, request));
    setContentRange(response, 'reminder-inbox', listQuery.offset, rows.length, total);
    return rows;
  }

  /** The app bar's badge. */
  @Get('reminder-inbox/unread')
  @Allow('reminder-inbox', 'list')
  unread(@Req() request: ActorRequest) {
    return { unread: unreadCount(this.db, request.user!.id) };
  }

  @Get('reminder-inbox/:id')
  @Allow('reminder-inbox', 'show')
  inboxOne(@Param('id') id: string, @Req() request: ActorRequest) {
    const row = getReminder(this.db, id);
    if (!row || row.recipientId !== request.user!.id) throw notFound({ zh: '提醒', en: 'Reminder' }, id);
    return row;
  }

  /** The read receipt. */
  @Post('reminder-inbox/:id/read')
  @Allow('reminder-inbox', 'edit')
  @NoBody()
  async read(@Param('id') id: string, @Req() request: ActorRequest) {
    await this.write(request, reminderStream(id), reminder, (s) =>
      readReminder(s, { reminderId: id, actorId: request.user!.id, now: this.clock.now().toISOString() }),
    );
    return getReminder(this.db, id);
  }

  @Post('reminder-inbox/:id/snooze')
  @Allow('reminder-inbox', 'edit')
  @BodySchema(snoozeBody)
  async snooze(@Param('id') id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(snoozeBody, body);
    await this.write(request, reminderStream(id), reminder, (s) =>
      snoozeReminder(s, {
        reminderId: id,
        actorId: request.user!.id,
        until: data.until,
        reason: data.reason,
        today: shanghaiDate(this.clock.now()),
      }),
    );
    return getReminder(this.db, id);
  }

  /** The bureau's log of every reminder, snoozes and their reasons included. */
  @Get('reminders')
  @Allow('reminders', 'list')
  @ListRoute(reminderList)
  log(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, reminderList);
    const { rows, total } = listReminders(this.db, listQuery);
    setContentRange(response, 'reminders', listQuery.offset, rows.length, total);
    return rows;
  }

  /** A short-lived link that signs the administrator in to the queue board (/admin/queues). */
  @Get('reminders/queue-board-link')
  @Allow('reminder-queues', 'show')
  boardLink() {
    return { url: this.board.link() };
  }

  @Get('reminders/:id')
  @Allow('reminders', 'show')
  one(@Param('id') id: string) {
    const row = getReminder(this.db, id);
    if (!row) throw notFound({ zh: '提醒', en: 'Reminder' }, id);
    return row;
  }

  /** Scans the open obligations now (it also runs daily and at start). */
  @Post('reminders/scan')
  @Allow('reminders', 'create')
  @NoBody()
  async scan() {
    await this.engine.requestScan();
    return { requested: true };
  }

  @Get('reminder-deliveries')
  @Allow('reminder-deliveries', 'list')
  @ListRoute(deliveryList)
  deliveries(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, deliveryList);
    const { rows, total } = listDeliveries(this.db, listQuery);
    setContentRange(response, 'reminder-deliveries', listQuery.offset, rows.length, total);
    return rows;
  }

  /** Sends a failed delivery again (once more through the queue, with its retries). */
  @Post('reminder-deliveries/:id/retry')
  @Allow('reminder-deliveries', 'edit')
  @NoBody()
  async retry(@Param('id') id: string, @Req() request: ActorRequest) {
    const row = getDelivery(this.db, id);
    if (!row) throw notFound({ zh: '发送记录', en: 'Delivery' }, id);
    await this.write(request, deliveryStream(id), delivery, (s) => [
      ...retryDelivery(s, { deliveryId: id, reminderId: row.reminderId, channel: row.channel, target: row.target }),
    ]);
    return getDelivery(this.db, id);
  }

  /** Open obligations by unit: due (within 7 days), overdue, escalated, with a traffic light. */
  @Get('reminder-overview')
  @Allow('reminder-overview', 'list')
  overview() {
    const today = shanghaiDate(this.clock.now());
    const soon = new Date(this.clock.now().getTime() + 7 * 86_400_000);
    const { rows } = listOpenObligations(
      this.db,
      this.sources,
      { orderBy: 'o.id ASC', offset: 0, limit: 100_000, where: 'WHERE o.due_on IS NOT NULL', params: [] },
      today,
    );
    const escalated = escalatedObligationIds(this.db);
    const counts = new Map(reminderCountsByUnit(this.db).map((c) => [c.unitId, c]));
    const units = new Map<
      string,
      { unitId: string | null; open: number; dueSoon: number; overdue: number; escalated: number }
    >();
    for (const o of rows) {
      const key = o.unitId ?? '';
      const unit = units.get(key) ?? { unitId: o.unitId, open: 0, dueSoon: 0, overdue: 0, escalated: 0 };
      unit.open += 1;
      if (o.overdue) unit.overdue += 1;
      else if (o.dueOn! <= shanghaiDate(soon)) unit.dueSoon += 1;
      if (escalated.has(o.id)) unit.escalated += 1;
      units.set(key, unit);
    }
    return [...units.values()]
      .map((u) => ({
        id: u.unitId ?? 'bureau',
        ...u,
        unread: counts.get(u.unitId)?.unread ?? 0,
        snoozed: counts.get(u.unitId)?.snoozed ?? 0,
        // red: something escalated or overdue; amber: due within a week; green: nothing pressing.
        light: u.escalated > 0 || u.overdue > 0 ? 'red' : u.dueSoon > 0 ? 'amber' : 'green',
      }))
      .sort((a, b) => b.escalated - a.escalated || b.overdue - a.overdue || b.dueSoon - a.dueSoon);
  }

  @Get('reminder-settings')
  @Allow('reminder-settings', 'show')
  settings() {
    return currentSettings(this.db);
  }

  @Put('reminder-settings')
  @Allow('reminder-settings', 'edit')
  @BodySchema(settingsBody)
  async changeSettings(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(settingsBody, body);
    await this.write(request, REMINDER_SETTINGS_STREAM, settingsModel, () => [changeSettings(data)]);
    return currentSettings(this.db);
  }

  @Get('reminder-channels/me')
  @Allow('reminder-channels', 'show')
  myChannels(@Req() request: ActorRequest) {
    return { id: request.user!.id, ...channelsOf(this.db, request.user!.id) };
  }

  @Put('reminder-channels/me')
  @Allow('reminder-channels', 'edit')
  @BodySchema(channelsBody)
  async chooseMine(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(channelsBody, body);
    const userId = request.user!.id;
    await this.write(request, channelsStream(userId), channelsModel, () => [chooseChannels(userId, data)]);
    return { id: userId, ...channelsOf(this.db, userId) };
  }

  @Get('reminder-robots')
  @Allow('reminder-robots', 'list')
  @ListRoute(robotList)
  robots(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, robotList);
    const { rows, total } = listRobotPage(this.db, listQuery);
    setContentRange(response, 'reminder-robots', listQuery.offset, rows.length, total);
    return rows;
  }

  @Post('reminder-robots')
  @Allow('reminder-robots', 'create')
  @BodySchema(robotBody)
  async addRobot(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(robotBody, body);
    const robotId = randomUUID();
    await this.write(request, robotStream(robotId), robotModel, (s) => [configureRobot(s, robotId, data)]);
    return publicRobot(listRobots(this.db).find((r) => r.id === robotId)!);
  }

  @Put('reminder-robots/:id')
  @Allow('reminder-robots', 'edit')
  @BodySchema(robotBody)
  async editRobot(@Param('id') id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(robotBody, body);
    const state = foldStream(robotModel, await this.store.readStream(robotStream(id)));
    if (state.status === 'none') throw notFound(ROBOT, id);
    await this.write(request, robotStream(id), robotModel, (s) => [configureRobot(s, id, data)]);
    return publicRobot(listRobots(this.db).find((r) => r.id === id)!);
  }

  @Delete('reminder-robots/:id')
  @Allow('reminder-robots', 'delete')
  async deleteRobot(@Param('id') id: string, @Req() request: ActorRequest) {
    await this.write(request, robotStream(id), robotModel, (s) => [removeRobot(s, id)]);
    return { id };
  }

  /** The covered years: built in (State Council notices) and those the bureau set. */
  @Get('reminder-calendar')
  @Allow('reminder-calendar', 'list')
  calendar() {
    const configured = new Map(configuredCalendarYears(this.db).map((y) => [y.year, y]));
    const years = new Map(chinaCalendarYears().map((y) => [y.year, { ...y, source: 'built-in' }]));
    for (const [year, value] of configured) years.set(year, { ...value, source: 'bureau' });
    return [...years.values()].sort((a, b) => a.year - b.year).map((y) => ({ id: String(y.year), ...y }));
  }

  @Put('reminder-calendar/:year')
  @Allow('reminder-calendar', 'edit')
  @BodySchema(calendarBody)
  async setYear(@Param('year') year: string, @Body() body: unknown, @Req() request: ActorRequest) {
    if (!/^\d{4}$/.test(year))
      throw new ValidationError([
        { field: 'year', code: 'invalid_year', message: { zh: '年份应为四位数字', en: 'must be a four-digit year' } },
      ]);
    const event = setCalendarYear({ ...(typeof body === 'object' && body !== null ? body : {}), year: Number(year) });
    await this.write(request, calendarStream(event.data.year), calendarYearModel, () => [event]);
    return { id: year, ...event.data, source: 'bureau' };
  }
}

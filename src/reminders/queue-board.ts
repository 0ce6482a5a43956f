import { Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ReminderEngine } from './reminder-engine.js';

export const BOARD_PATH = '/admin/queues';
const COOKIE = 'pl_queues';
const LINK_TTL_MS = 60_000;
const SESSION_TTL_MS = 8 * 3_600_000;

/**
 * bull-board at /admin/queues, for the bureau administrator only. The admin signs in with a bearer token the
 * browser cannot attach to a page it navigates to, so the route GET /api/reminders/queue-board-link (guarded
 * like every route: `reminder-queues.show`, bureau_admin) hands out a one-minute signed link; opening it sets
 * an HttpOnly cookie for this path (8 hours), which every request of the board then carries.
 *
 * Mounted on Express when the provider is built, i.e. before the app's own middleware (helmet, the admin's
 * catch-all serving index.html for any other GET), which would otherwise answer /admin/queues first.
 */
@Injectable()
export class QueueBoard {
  private readonly logger = new Logger('QueueBoard');
  private readonly key: Buffer;
  private router?: RequestHandler;

  constructor(
    adapterHost: HttpAdapterHost,
    private readonly engine: ReminderEngine,
  ) {
    this.key = engine.settings.boardSecret ? Buffer.from(engine.settings.boardSecret) : randomBytes(32);
    const adapter = adapterHost.httpAdapter;
    if (adapter?.getType() === 'express')
      adapter.use(BOARD_PATH, (req: Request, res: Response, next: NextFunction) => this.handle(req, res, next));
    else this.logger.warn('No Express adapter: the queue board is not mounted');
  }

  /** A link valid for one minute. */
  link(): string {
    return `${BOARD_PATH}?ticket=${this.sign(Date.now() + LINK_TTL_MS)}`;
  }

  private sign(expires: number): string {
    return `${expires}.${createHmac('sha256', this.key).update(`queues:${expires}`).digest('base64url')}`;
  }

  private valid(token: string | undefined): boolean {
    const [expires, mac] = (token ?? '').split('.');
    if (!expires || !mac || !/^\d+$/.test(expires) || Number(expires) < Date.now()) return false;
    const expected = Buffer.from(this.sign(Number(expires)).split('.')[1]);
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private cookie(req: Request): string | undefined {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === COOKIE) return value.join('=');
    }
    return undefined;
  }

  private handle(req: Request, res: Response, next: NextFunction): void {
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : undefined;
    if (ticket && this.valid(ticket)) {
      const session = this.sign(Date.now() + SESSION_TTL_MS);
      res.setHeader(
        'Set-Cookie',
        `${COOKIE}=${session}; Path=${BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}`,
      );
      res.redirect(303, `${BOARD_PATH}/`);
      return;
    }
    if (!this.valid(this.cookie(req))) {
      res
        .status(401)
        .type('text/plain; charset=utf-8')
        .send(
          '请从管理后台的“任务队列”菜单进入（仅限局党委管理员）。\nOpen the queue board from the admin menu (bureau administrators only).',
        );
      return;
    }
    this.boardRouter()(req, res, next);
  }

  private boardRouter(): RequestHandler {
    if (!this.router) {
      const serverAdapter = new ExpressAdapter();
      serverAdapter.setBasePath(BOARD_PATH);
      createBullBoard({
        queues: [new BullMQAdapter(this.engine.openQueue() as never, { readOnlyMode: false })],
        serverAdapter,
        options: { uiConfig: { boardTitle: '党建台账 · 任务队列' } },
      });
      this.router = serverAdapter.getRouter() as RequestHandler;
    }
    return this.router;
  }
}

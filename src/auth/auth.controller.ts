import { Body, Controller, Get, HttpException, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { Allow, Public } from '../core/http/access.js';
import { BodySchema, NoBody } from '../core/http/openapi.js';
import { commandMetadataFrom, type ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { allowedFor, ROLE_MATRIX, type Permissions } from '../core/roles.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { TokenActorResolver } from './actor-resolver.js';
import { ChangePasswordCommand, changeOwnPasswordBody } from './commands/change-password.js';
import { LoginLockout } from './login-lockout.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { getPasswordHash, getUser } from './projections/users.projection.js';

const loginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(128),
});

const invalidCredentials = () =>
  new HttpException(
    { code: 'auth.invalid-credentials', message: { zh: '用户名或密码错误', en: 'Wrong username or password' } },
    401,
  );

/** Sign in, sign out, who am I, change my password. */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly tokens: TokenActorResolver,
    private readonly lockout: LoginLockout,
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROLE_MATRIX) private readonly matrix: Permissions,
  ) {}

  @Post('login')
  @Public()
  @BodySchema(loginBody)
  async login(@Body() body: unknown, @Req() request: ActorRequest, @Res({ passthrough: true }) response: Response) {
    // request.ip is the client as TRUST_PROXY defines it (the socket's peer unless a proxy is trusted).
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    if (!this.lockout.allowAttempt(address)) {
      response.setHeader('Retry-After', '60');
      throw new HttpException(
        {
          code: 'auth.rate-limited',
          message: { zh: '登录尝试过于频繁，请稍后再试', en: 'Too many sign-in attempts; try again in a minute' },
        },
        429,
      );
    }
    const { username, password } = parseWith(loginBody, body);
    const wait = this.lockout.retryAfter(username, address);
    if (wait > 0) {
      response.setHeader('Retry-After', String(wait));
      throw new HttpException(
        {
          code: 'auth.locked',
          message: {
            zh: `密码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`,
            en: `Too many wrong passwords; try again in ${Math.ceil(wait / 60)} min`,
          },
          retryAfterSeconds: wait,
        },
        429,
      );
    }
    const user = getUser(this.db, username);
    const hash = getPasswordHash(this.db, username);
    // Verify even for unknown users so that timing does not tell which usernames exist.
    const valid = await verifyPassword(hash ?? DUMMY_HASH, password);
    if (!user || !valid || user.status !== 'active') {
      this.lockout.recordFailure(username, address);
      throw invalidCredentials();
    }
    this.lockout.recordSuccess(username, address);
    // What the user may do, from the matrix the guard checks: the admin shows nothing the guard would refuse.
    return { ...(await this.tokens.issue(user.id)), user, permissions: this.permissionsOf(user.roles) };
  }

  @Post('logout')
  @Allow('account', 'edit')
  @NoBody()
  async logout(@Req() request: ActorRequest) {
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token) await this.tokens.revoke(token);
    return { ok: true };
  }

  @Get('me')
  @Allow('account', 'show')
  me(@Req() request: ActorRequest) {
    const user = getUser(this.db, request.user!.id);
    return user && { ...user, permissions: this.permissionsOf(user.roles) };
  }

  private permissionsOf(roles: readonly { role: string }[]) {
    return allowedFor(
      this.matrix,
      roles.map((grant) => grant.role),
    );
  }

  @Post('password')
  @Allow('account', 'edit')
  @BodySchema(changeOwnPasswordBody)
  async changePassword(@Body() body: unknown, @Req() request: ActorRequest) {
    const { currentPassword, newPassword } = parseWith(changeOwnPasswordBody, body);
    const userId = request.user!.id;
    if (!(await verifyPassword(getPasswordHash(this.db, userId) ?? DUMMY_HASH, currentPassword))) {
      throw new HttpException(
        {
          code: 'auth.wrong-password',
          message: { zh: '当前密码不正确', en: 'The current password is wrong' },
          field: 'currentPassword',
        },
        422,
      );
    }
    const passwordHash = await hashPassword(newPassword);
    const metadata = commandMetadataFrom(request, this.clock);
    return this.commands.send(
      new ChangePasswordCommand(command('ChangePassword', { userId, passwordHash, reset: false }, metadata)),
    );
  }
}

/** argon2id hash of a random string: compared against when the username does not exist. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$MuM6d5MD3cVUt0bAsXqvtw$fKP6Bd7VPYUpJ2Or4UpbDDLe7rVvk6MJ3+WBCzJ65vo';

import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { BodySchema, ListRoute, NoBody } from '../core/http/openapi.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { commandMetadataFrom, type ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { ChangePasswordCommand, resetPasswordBody } from './commands/change-password.js';
import { GrantRoleCommand, grantSchema } from './commands/grant-role.js';
import { RegisterUserCommand, registerUserBody } from './commands/register-user.js';
import { RevokeRoleCommand, revokeRoleBody } from './commands/revoke-role.js';
import { SetUserStatusCommand } from './commands/set-user-status.js';
import { hashPassword } from './passwords.js';
import { getUser, listUsers, userList } from './projections/users.projection.js';

/** User accounts and their roles: managed by the bureau administrator, read by auditors. */
@Controller('users')
export class UsersController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Allow('users', 'list')
  @ListRoute(userList)
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, userList);
    const { rows, total } = listUsers(this.db, listQuery);
    setContentRange(response, 'users', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('users', 'show')
  get(@Param('id') id: string) {
    const row = getUser(this.db, id);
    if (!row) throw new NotFoundError({ zh: '用户', en: 'User' }, id);
    return row;
  }

  @Post()
  @Allow('users', 'create')
  @BodySchema(registerUserBody)
  async register(@Body() body: unknown, @Req() request: ActorRequest) {
    const { password, ...data } = parseWith(registerUserBody, body);
    const passwordHash = await hashPassword(password);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new RegisterUserCommand(command('RegisterUser', { ...data, passwordHash }, metadata)),
    );
    return { id: data.username, ...receipt };
  }

  @Post(':id/grant-role')
  @Allow('users', 'edit')
  @BodySchema(grantSchema)
  grantRole(@Param('id') userId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(grantSchema, body);
    return this.commands.send(
      new GrantRoleCommand(command('GrantRole', { userId, ...data }, commandMetadataFrom(request, this.clock))),
    );
  }

  @Post(':id/revoke-role')
  @Allow('users', 'edit')
  @BodySchema(revokeRoleBody)
  revokeRole(@Param('id') userId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(revokeRoleBody, body);
    return this.commands.send(
      new RevokeRoleCommand(command('RevokeRole', { userId, ...data }, commandMetadataFrom(request, this.clock))),
    );
  }

  @Post(':id/disable')
  @Allow('users', 'edit')
  @NoBody()
  disable(@Param('id') userId: string, @Req() request: ActorRequest) {
    return this.setStatus(userId, 'disabled', request);
  }

  @Post(':id/enable')
  @Allow('users', 'edit')
  @NoBody()
  enable(@Param('id') userId: string, @Req() request: ActorRequest) {
    return this.setStatus(userId, 'active', request);
  }

  @Post(':id/reset-password')
  @Allow('users', 'edit')
  @BodySchema(resetPasswordBody)
  async resetPassword(@Param('id') userId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { password } = parseWith(resetPasswordBody, body);
    const passwordHash = await hashPassword(password);
    const metadata = commandMetadataFrom(request, this.clock);
    return this.commands.send(
      new ChangePasswordCommand(command('ChangePassword', { userId, passwordHash, reset: true }, metadata)),
    );
  }

  private setStatus(userId: string, status: 'active' | 'disabled', request: ActorRequest) {
    const metadata = commandMetadataFrom(request, this.clock);
    return this.commands.send(new SetUserStatusCommand(command('SetUserStatus', { userId, status }, metadata)));
  }
}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { AccessGuard, ACTOR_RESOLVER } from '../core/http/access.js';
import { TokenActorResolver } from './actor-resolver.js';
import { AuthFacts } from './auth.facts.js';
import { AuthController } from './auth.controller.js';
import { authSecret } from './auth-secret.js';
import { ChangePasswordHandler } from './commands/change-password.js';
import { GrantRoleHandler } from './commands/grant-role.js';
import { RegisterUserHandler } from './commands/register-user.js';
import { RevokeRoleHandler } from './commands/revoke-role.js';
import { SetUserStatusHandler } from './commands/set-user-status.js';
import { LoginLockout } from './login-lockout.js';
import { UsersController } from './users.controller.js';

const commandHandlers = [
  RegisterUserHandler,
  GrantRoleHandler,
  RevokeRoleHandler,
  ChangePasswordHandler,
  SetUserStatusHandler,
];

/**
 * Users, roles, sign-in and the global access guard. Global for its read door (AuthFacts: users by role and
 * scope, whom the reminders reach).
 */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: given the secret as a string, jsonwebtoken builds a key on every sign and
        // verify, which cost about 0.8 ms per request against 25 µs (docs/benchmarks.md, HTTP path).
        secret: createSecretKey(Buffer.from(authSecret(config))) as unknown as string,
        signOptions: { expiresIn: config.auth.tokenTtl as never },
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    ...commandHandlers,
    TokenActorResolver,
    LoginLockout,
    { provide: ACTOR_RESOLVER, useExisting: TokenActorResolver },
    { provide: APP_GUARD, useClass: AccessGuard },
    AuthFacts,
  ],
  exports: [AuthFacts],
})
export class AuthModule {}

import {
  HttpException,
  Inject,
  Injectable,
  Logger,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor, ActorRequest } from './request-context.js';
import { SCOPE_RESOLVER, type ScopeResolver } from './scope.js';

const IS_PUBLIC = 'access:public';
const ACCESS_RULE = 'access:rule';

export interface AccessRule {
  resource: string;
  action: string;
}

/** Open to anyone, signed in or not: login, health, the API docs. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The permission a route needs, looked up in the role matrix (merged from each feature's permissions). */
export const Allow = (resource: string, action: string) =>
  SetMetadata(ACCESS_RULE, { resource, action } satisfies AccessRule);

/** Turns a bearer token into the signed-in actor and answers permission questions; the auth feature provides it. */
export interface ActorResolver {
  resolve(token: string): Promise<Actor | null>;
  can(actor: Actor, resource: string, action: string): boolean;
}
export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');

const refuse = (status: 401 | 403, code: string, zh: string, en: string) =>
  new HttpException({ code, message: { zh, en } }, status);

/**
 * The global guard (APP_GUARD). Every route is closed unless marked @Public() or @Allow(…):
 * a route without a rule answers 403 and logs why, and the route × role test fails the build.
 * An admitted scoped actor (secretary, instructor) leaves with its scope resolved, once per request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    @Inject(ACTOR_RESOLVER) private readonly actors: ActorResolver,
    @Inject(SCOPE_RESOLVER) private readonly scopes: ScopeResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<ActorRequest>();
    const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw refuse(401, 'auth.required', '请先登录', 'Sign in first');
    const actor = await this.actors.resolve(token);
    if (!actor)
      throw refuse(401, 'auth.invalid-token', '登录已失效，请重新登录', 'Your session has ended; sign in again');
    request.user = actor;
    const rule = this.reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, targets);
    if (!rule) {
      this.logger.error(`Route ${request.method} ${request.route?.path ?? request.path} declares no access rule`);
      throw refuse(403, 'access.no-rule', '此接口未声明访问规则', 'This route declares no access rule');
    }
    if (!this.actors.can(actor, rule.resource, rule.action)) {
      throw refuse(
        403,
        'access.denied',
        `您的角色无权执行此操作（${rule.resource}.${rule.action}）`,
        `Your role may not do this (${rule.resource}.${rule.action})`,
      );
    }
    if (!actor.unrestricted) request.user = { ...actor, scope: await this.scopes.resolve(actor) };
    return true;
  }
}

/** Reads the rule of a route handler: used by the route × role test. */
export const accessRuleOf = (
  reflector: Reflector,
  handler: object,
  controller: object,
): AccessRule | 'public' | undefined =>
  reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller] as never)
    ? 'public'
    : reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, [handler, controller] as never);

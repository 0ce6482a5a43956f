import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * How deeply a JSON body may nest. The deepest body any route takes is a few levels (a step with its
 * records); 64 leaves room for any honest client while keeping every later recursion (validation, the
 * Idempotency-Key's hash, JSON.stringify) far from the stack's limit.
 */
export const MAX_BODY_DEPTH = 64;

/** True when `value` nests objects or arrays deeper than `max`; walks with its own stack, never recursing. */
export const nestsDeeperThan = (value: unknown, max: number): boolean => {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
};

/**
 * Express middleware right after the JSON parser: a body nested deeper than {@link MAX_BODY_DEPTH} is a
 * 400 `request.too-deep` for every route, before anything recurses into it. (JSON.parse itself copes;
 * hashing or serialising 20,000 levels overflows the stack.)
 */
export const refuseDeepBodies = (request: Request, _response: Response, next: NextFunction): void => {
  if (!nestsDeeperThan(request.body, MAX_BODY_DEPTH)) return next();
  next(
    new HttpException(
      {
        code: 'request.too-deep',
        message: {
          zh: `请求体嵌套过深（最多 ${MAX_BODY_DEPTH} 层）`,
          en: `The request body is nested too deeply (at most ${MAX_BODY_DEPTH} levels)`,
        },
      },
      400,
    ),
  );
};

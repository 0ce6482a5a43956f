import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { canonicalJson } from '../event-store/hash-chain.js';
import { READ_MODEL_DB } from '../projections/read-model-db.js';
import type { ReadModelDb } from '../projections/projection.js';
import { IdempotencyKeys, type KeyRow } from './idempotency-keys.js';
import type { ActorRequest } from './request-context.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Honours an `Idempotency-Key` header on writes: the same key with the same body answers the first
 * response again and appends nothing; the same key with another body is 422; a key whose first
 * request is still running is 409. Keys are scoped to the actor and the route, and kept in the
 * read-model file's `idempotency_keys` table (which rebuilds leave alone).
 *
 * A running request holds its key on a lease (see IdempotencyKeys): when the process holding it
 * dies (kill -9, a crash, a power cut), the key is free again for the retry instead of answering
 * 409 forever. The retry then runs the command, and the command handling finds the events the dead
 * request may already have committed (they carry its command id) and answers those instead of
 * deciding again (see handleCommand): whatever the moment of the crash, the command happens once.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly keys: IdempotencyKeys;

  constructor(@Inject(READ_MODEL_DB) db: ReadModelDb) {
    this.keys = new IdempotencyKeys(db);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<ActorRequest>();
    const key = request.headers['idempotency-key'];
    if (!WRITE_METHODS.has(request.method) || typeof key !== 'string' || key.length === 0) return next.handle();
    if (key.length > 200)
      throw idempotencyError(
        400,
        'idempotency.key-invalid',
        '幂等键过长（最多 200 个字符）',
        'Idempotency-Key is too long (at most 200 characters)',
      );
    return from(this.run(context, request, key, next));
  }

  private async run(
    context: ExecutionContext,
    request: ActorRequest,
    key: string,
    next: CallHandler,
  ): Promise<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    const scope = `${request.user?.id ?? 'anonymous'} ${request.method} ${request.route?.path ?? request.path}`;
    const bodyHash = createHash('sha256')
      .update(canonicalJson(request.body ?? null))
      .digest('hex');
    const claim = this.keys.claim(scope, key, bodyHash);
    if (claim.kind === 'taken') return this.replay(claim.row, bodyHash, response);
    request.idempotencyKey = key;
    request.idempotencyScope = scope;
    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const status =
        Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
      this.keys.complete(scope, key, status, JSON.stringify(result ?? null));
      return result;
    } catch (error) {
      // A refused command wrote nothing: free the key so the corrected request can use it.
      this.keys.release(scope, key);
      throw error;
    } finally {
      claim.lease.stop();
    }
  }

  private replay(previous: KeyRow, bodyHash: string, response: Response): unknown {
    if (previous.body_hash !== bodyHash) {
      throw idempotencyError(
        422,
        'idempotency.key-reused',
        '该幂等键已用于另一请求内容',
        'This Idempotency-Key was already used with a different body',
      );
    }
    if (previous.status === null) {
      throw idempotencyError(
        409,
        'idempotency.in-progress',
        '相同请求正在处理中',
        'A request with this Idempotency-Key is still being processed',
      );
    }
    response.status(previous.status);
    response.setHeader('Idempotent-Replayed', 'true');
    return JSON.parse(previous.response ?? 'null');
  }
}

const idempotencyError = (status: number, code: string, zh: string, en: string) =>
  new HttpException({ code, message: { zh, en }, field: 'Idempotency-Key' }, status);

import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { canonicalJson } from '../event-store/hash-chain.js';
import { READ_MODEL_DB } from '../projections/read-model-db.js';
import type { ReadModelDb } from '../projections/projection.js';
import type { ActorRequest } from './request-context.js';

interface StoredResponse {
  body_hash: string;
  status: number | null;
  response: string | null;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Honours an `Idempotency-Key` header on writes: the same key with the same body answers the
 * first response again and appends nothing; the same key with another body is 422; a key whose
 * first request is still running is 409. Keys are scoped to the actor and the route, and kept
 * in the read-model file's `idempotency_keys` table (which rebuilds leave alone).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL,
      status INTEGER, response TEXT, created_at TEXT NOT NULL,
      PRIMARY KEY (scope, key))`);
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
    const previous = this.db
      .prepare('SELECT body_hash, status, response FROM idempotency_keys WHERE scope = ? AND key = ?')
      .get(scope, key) as StoredResponse | undefined;
    if (previous) return this.replay(previous, bodyHash, response);
    this.db
      .prepare('INSERT INTO idempotency_keys (scope, key, body_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(scope, key, bodyHash, new Date().toISOString());
    request.idempotencyKey = key;
    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const status =
        Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
      this.db
        .prepare('UPDATE idempotency_keys SET status = ?, response = ? WHERE scope = ? AND key = ?')
        .run(status, JSON.stringify(result ?? null), scope, key);
      return result;
    } catch (error) {
      // A refused command wrote nothing: free the key so the corrected request can use it.
      this.db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ?').run(scope, key);
      throw error;
    }
  }

  private replay(previous: StoredResponse, bodyHash: string, response: Response): unknown {
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

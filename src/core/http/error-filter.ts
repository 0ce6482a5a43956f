import { ArgumentsHost, Catch, HttpException, Logger, Optional, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConcurrencyError, DomainError, NameTakenError, ValidationError, type Bilingual } from '../errors.js';
import { WrongExpectedRevisionError } from '../event-store/event-store.js';
import { StorageMonitor } from '../storage-monitor.js';
import { STORAGE_TEXT, storageProblemOf } from '../storage.js';

/** An error as the application raises it: every text in both languages. */
export interface ErrorDetails {
  statusCode: number;
  /** Stable identifier: clients branch on it, the UI translates by it. */
  code: string;
  message: Bilingual;
  /** The request field at fault, when there is one. */
  field?: string;
  /** Every invalid field, keyed by its path. */
  errors?: Record<string, Bilingual>;
  /** For 409: the stream and the revisions that did not match. */
  conflict?: { stream: string; expected: string; actual: string };
  /** For a name already taken: the record that has it. */
  existing?: { id: string; name: string };
}

/**
 * The one error shape of the API, as sent. `message` and `errors` are plain strings in the
 * request's language (Chinese unless it asks for English), because stock clients such as
 * ra-data-simple-rest show them as they are; the Chinese/English pairs travel beside them.
 */
export interface ErrorBody extends Omit<ErrorDetails, 'message' | 'errors'> {
  message: string;
  messages: Bilingual;
  errors?: Record<string, string>;
  fieldMessages?: Record<string, Bilingual>;
}

export type Language = keyof Bilingual;

/** `?lang=en|zh` first, then Accept-Language: English only when asked for before Chinese. */
export const requestLanguage = (request: Pick<Request, 'query' | 'headers'> | undefined): Language => {
  const lang = request?.query?.lang;
  if (lang === 'en' || lang === 'zh') return lang;
  const accepted = String(request?.headers?.['accept-language'] ?? '').toLowerCase();
  const en = accepted.search(/(^|[,\s])en\b/);
  const zh = accepted.search(/(^|[,\s])zh\b/);
  return en >= 0 && (zh < 0 || en < zh) ? 'en' : 'zh';
};

/** The details as sent to a client that reads `language`. */
export const toErrorBody = (details: ErrorDetails, language: Language): ErrorBody => {
  const { message, errors, ...rest } = details;
  return {
    ...rest,
    message: message[language],
    messages: message,
    ...(errors
      ? {
          errors: Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, text[language]])),
          fieldMessages: errors,
        }
      : {}),
  };
};

const HTTP_TEXT: Record<number, Bilingual> = {
  400: { zh: '请求格式有误', en: 'Bad request' },
  401: { zh: '请先登录', en: 'Authentication required' },
  403: { zh: '无权执行此操作', en: 'Forbidden' },
  404: { zh: '未找到请求的资源', en: 'Not found' },
  405: { zh: '不支持该请求方法', en: 'Method not allowed' },
  413: { zh: '请求体过大', en: 'Request body too large' },
  415: { zh: '不支持的内容类型', en: 'Unsupported media type' },
  429: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
};

/**
 * Maps every error to ErrorBody. A store that cannot be written is a 503 naming why (and the storage
 * monitor hears of it, for /api/health); anything unexpected is logged and answered as a bare 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(@Optional() private readonly storage?: StorageMonitor) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const details = toErrorDetails(error);
    if (details.statusCode === 503) {
      const problem = storageProblemOf(error);
      if (problem) this.storage?.noteFailure(problem);
      this.logger.warn(error instanceof Error ? error.message : String(error));
      response.setHeader('Retry-After', '30');
    } else if (details.statusCode >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    response.status(details.statusCode).json(toErrorBody(details, requestLanguage(http.getRequest<Request>())));
  }
}

export const toErrorDetails = (error: unknown): ErrorDetails => {
  if (error instanceof ValidationError) {
    return {
      statusCode: 400,
      code: error.code,
      message: error.text,
      field: error.field,
      errors: byField(error.issues),
    };
  }
  if (error instanceof ConcurrencyError) {
    const { stream, expected, actual } = error;
    return { statusCode: 409, code: error.code, message: error.text, conflict: { stream, expected, actual } };
  }
  if (error instanceof NameTakenError) {
    const { status, code, text, field, existing } = error;
    return { statusCode: status, code, message: text, field, existing };
  }
  if (error instanceof DomainError) {
    return { statusCode: error.status, code: error.code, message: error.text, field: error.field };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return {
      statusCode: 409,
      code: 'concurrency.conflict',
      message: {
        zh: '记录已被他人修改，请刷新后重试',
        en: 'The record was changed by someone else; reload and try again',
      },
      conflict: { stream: error.stream, expected: String(error.expected), actual: String(error.actual) },
    };
  }
  // Nest wraps body-parser's errors (bad JSON, too large) in an HttpException with the original as cause.
  const parserError = error instanceof HttpException ? error.cause : error;
  if (isBodyParserError(parserError)) return fromBodyParser(parserError);
  if (error instanceof HttpException) return fromHttpException(error);
  // SQLite (or the file system) refused a write: the request was fine, the data folder is not.
  const problem = storageProblemOf(error);
  if (problem)
    return {
      statusCode: 503,
      code: problem === 'busy' ? 'store.busy' : 'store.unwritable',
      message: STORAGE_TEXT[problem],
    };
  return { statusCode: 500, code: 'internal', message: { zh: '服务器内部错误', en: 'Internal server error' } };
};

/** One message per field: several failed checks on a field are joined. */
const byField = (issues: ValidationError['issues']): Record<string, Bilingual> => {
  // A Map, because a client names the fields: `constructor` or `__proto__` must be plain keys here.
  const errors = new Map<string, Bilingual>();
  for (const { field, message } of issues) {
    const key = field || '_body';
    const known = errors.get(key);
    errors.set(key, known ? { zh: `${known.zh}；${message.zh}`, en: `${known.en}; ${message.en}` } : message);
  }
  return Object.fromEntries(errors);
};

const fromHttpException = (error: HttpException): ErrorDetails => {
  const statusCode = error.getStatus();
  const response = error.getResponse();
  if (typeof response === 'object' && response && 'code' in response && 'message' in response) {
    return { statusCode, ...(response as Omit<ErrorDetails, 'statusCode'>) };
  }
  const text = HTTP_TEXT[statusCode] ?? { zh: '请求失败', en: error.message };
  return { statusCode, code: `http.${statusCode}`, message: text };
};

const fromBodyParser = (error: { status?: number; type: string }): ErrorDetails => {
  const statusCode = error.status ?? 400;
  if (statusCode === 413) return { statusCode, code: 'request.too-large', message: HTTP_TEXT[413] };
  if (error.type === 'entity.parse.failed') {
    return {
      statusCode,
      code: 'request.malformed',
      message: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
    };
  }
  return {
    statusCode,
    code: `request.${error.type.replace(/\./g, '-')}`,
    message: HTTP_TEXT[statusCode] ?? HTTP_TEXT[400],
  };
};

/** body-parser's errors (bad JSON, too large) carry `type` and `status` rather than being HttpExceptions. */
const isBodyParserError = (error: unknown): error is { status?: number; type: string } =>
  typeof error === 'object' &&
  error !== null &&
  'type' in error &&
  typeof (error as { type: unknown }).type === 'string' &&
  'status' in error;

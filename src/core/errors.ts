/**
 * Errors users see. Each has a stable code (clients and tests match on it), a message in
 * Simplified Chinese and English, and, where one field is at fault, the field's name.
 * The HTTP filter turns them into the one error shape of the API.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export class DomainError extends Error {
  constructor(
    /** Stable identifier of the rule at fault, e.g. `unit.already-registered`. */
    readonly code: string,
    readonly text: Bilingual,
    readonly field?: string,
    /** HTTP status; 422 (a rule refused the command) unless a more precise one applies. */
    readonly status: number = 422,
  ) {
    super(`${code}: ${text.en}`);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: Bilingual, id: string) {
    super('not-found', { zh: `未找到${what.zh}：${id}`, en: `${what.en} not found: ${id}` }, undefined, 404);
  }
}

/**
 * A second record under a name that must be unique (a unit, a Party organisation): 409, naming the
 * record that already has it so the user can open it instead.
 */
export class NameTakenError extends DomainError {
  constructor(
    code: string,
    what: Bilingual,
    readonly existing: { id: string; name: string },
    field = 'name',
  ) {
    super(
      code,
      {
        zh: `已有同名${what.zh}“${existing.name}”（编号 ${existing.id}）`,
        en: `A ${what.en.toLowerCase()} named "${existing.name}" already exists (id ${existing.id})`,
      },
      field,
      409,
    );
  }
}

/** One invalid field of a request. */
export interface FieldIssue {
  field: string;
  code: string;
  message: Bilingual;
}

export class ValidationError extends DomainError {
  constructor(readonly issues: FieldIssue[]) {
    const first = issues[0];
    super(
      'validation.failed',
      {
        zh: `请求有误：${issues.map((i) => `${i.field || '请求体'}：${i.message.zh}`).join('；')}`,
        en: `Invalid request: ${issues.map((i) => `${i.field || 'body'}: ${i.message.en}`).join('; ')}`,
      },
      first?.field,
      400,
    );
  }
}

/** A write lost a race with another writer more often than the retries allow. Answered as 409. */
export class ConcurrencyError extends DomainError {
  constructor(
    readonly stream: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      'concurrency.conflict',
      {
        zh: `记录已被他人修改（${stream}：预期版本 ${expected}，实际版本 ${actual}），请刷新后重试`,
        en: `The record was changed by someone else (${stream}: expected revision ${expected}, actual ${actual}); reload and try again`,
      },
      undefined,
      409,
    );
  }
}

/** A start-up problem the user can fix: printed as a message, never as a stack trace. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

import {
  HttpException,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { DomainError } from '../core/errors.js';
import { uploadOptions } from '../core/http/upload.js';
import { BlobStore } from './blob-store.js';
import { ALLOWED_TYPES_TEXT, type AllowedType } from './file-types.js';

/** What the route gets for the uploaded file: in the store's temporary folder, hashed, its type judged. */
export interface UploadedEvidence {
  originalname: string;
  path: string;
  sha256: string;
  size: number;
  type: AllowedType;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const typeNotAllowed = () =>
  new DomainError(
    'evidence.type-not-allowed',
    {
      zh: `不支持该文件类型（按文件内容判断）：只接受 ${ALLOWED_TYPES_TEXT.zh}`,
      en: `This kind of file is not accepted (judged by its content): only ${ALLOWED_TYPES_TEXT.en}`,
    },
    'file',
    415,
  );

/**
 * multer's storage engine for evidence: streams the file part into the blob store's temporary folder
 * while hashing it and watching its first bytes, then judges its type by content. Nothing is buffered
 * whole; a file of a type not allowed is removed and refused (415).
 */
const evidenceStorage = (blobs: BlobStore) => ({
  _handleFile(
    _request: Request,
    file: { stream: Readable; originalname: string },
    callback: (error: unknown, info?: Partial<UploadedEvidence>) => void,
  ) {
    blobs.receive(file.stream).then(
      async ({ tempPath, sha256, size, sniffer }) => {
        const type = sniffer.verdict(file.originalname);
        if (!type) {
          await blobs.discard(tempPath);
          return callback(typeNotAllowed());
        }
        callback(null, { path: tempPath, sha256, size, type });
      },
      (error: unknown) => callback(error),
    );
  },
  _removeFile(_request: Request, file: { path?: string }, callback: (error: unknown) => void) {
    if (!file.path) return callback(null);
    blobs.discard(file.path).then(() => callback(null), callback);
  },
});

/**
 * Parses an evidence upload (multipart: the `file` and its form fields) with multer and the evidence
 * storage engine, and turns multer's refusals into the API's bilingual errors: a file over the limit
 * (EVIDENCE_MAX_FILE_BYTES, 50 MB by default) is a 413 naming the limit; a malformed form a 400 on `file`.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;
  private readonly maxBytes: number;

  constructor(blobs: BlobStore, @Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = config.evidence.maxFileBytes;
    const Multer = FileInterceptor('file', {
      ...uploadOptions({ fileSize: this.maxBytes, files: 1, fields: 20, fieldSize: 4096 }),
      storage: evidenceStorage(blobs),
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): unknown {
    if (!(error instanceof HttpException)) return error;
    const code = (error.cause as { code?: string } | undefined)?.code;
    if (code === 'LIMIT_FILE_SIZE')
      return new DomainError(
        'evidence.too-large',
        {
          zh: `文件过大：印证资料单个文件不能超过 ${mb(this.maxBytes)}`,
          en: `The file is too large: an evidence file may be at most ${mb(this.maxBytes)}`,
        },
        'file',
        413,
      );
    if (error.getStatus() === 415)
      return new DomainError(
        'evidence.not-multipart',
        {
          zh: '请以 multipart/form-data 表单上传文件（字段 file）',
          en: 'Upload the file as multipart/form-data (field `file`)',
        },
        'file',
        415,
      );
    return new DomainError(
      'evidence.bad-upload',
      {
        zh: `上传的表单有误（${code ?? error.message}）：只能在字段 file 中上传一个文件`,
        en: `The upload form is malformed (${code ?? error.message}): send one file in the field \`file\``,
      },
      'file',
      400,
    );
  }
}

import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError } from '../errors.js';
import { Allow } from '../http/access.js';
import { IntegrityService } from './integrity.service.js';

/**
 * Tamper evidence for auditors and the bureau administrator: the last check, a full verification, the
 * latest signed checkpoint to keep outside the system, and the public key that checks its signature.
 */
@Controller('integrity')
export class IntegrityController {
  constructor(private readonly integrity: IntegrityService) {}

  @Get()
  @Allow('integrity', 'show')
  @ApiOkResponse({
    description: 'The last check of the log (at start, at each checkpoint, or a verify): ok, when, problems.',
  })
  status() {
    return this.integrity.status();
  }

  @Get('verify')
  @Allow('integrity', 'show')
  @ApiOkResponse({
    description:
      'Verifies every event: content against its hash, each stream chain, the global log chain, every signed checkpoint. ' +
      'Each problem names its kind, stream, revision and position, in Chinese and English.',
  })
  verify() {
    return this.integrity.verify();
  }

  @Get('checkpoint')
  @Allow('integrity', 'export')
  @ApiProduces('application/json')
  @ApiOkResponse({
    description:
      'A checkpoint of the log’s head, signed now (after checking the events since the last one), as a file to keep ' +
      'outside the system; `npm run cli -- verify --against <file>` checks the log against it. When the log cannot be ' +
      'signed (it does not verify), the latest checkpoint signed before. 404 while the log is empty or there is no key.',
  })
  async checkpoint(@Res({ passthrough: true }) response: Response) {
    await this.integrity.checkpointNow('export');
    const latest = this.integrity.latestCheckpoint();
    if (!latest)
      throw new NotFoundError(
        {
          zh: '签名检查点（事件日志为空或无审计密钥）',
          en: 'Signed checkpoint (the log is empty, or there is no audit key)',
        },
        'latest',
      );
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="party-ledger-checkpoint-${latest.checkpoint.position}.json"`,
    );
    return latest;
  }

  @Get('public-key')
  @Allow('integrity', 'show')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({ description: 'The audit key’s public half (PEM, Ed25519): checks every checkpoint’s signature.' })
  publicKey() {
    const pem = this.integrity.publicKey();
    if (!pem) throw new NotFoundError({ zh: '审计公钥', en: 'Audit public key' }, 'audit key');
    return pem;
  }
}

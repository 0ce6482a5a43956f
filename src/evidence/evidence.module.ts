import { Global, Module } from '@nestjs/common';
import { BlobStore } from './blob-store.js';
import { FileEvidenceHandler } from './commands/file-evidence.js';
import { WithdrawEvidenceHandler } from './commands/withdraw-evidence.js';
import { EvidenceController } from './evidence.controller.js';
import { EvidenceFacts } from './evidence.facts.js';
import { EvidenceUploadInterceptor } from './evidence-upload.js';

/** Evidence (印证资料): content-addressed files filed by organisation, year and category. Global for its read door. */
@Global()
@Module({
  controllers: [EvidenceController],
  providers: [FileEvidenceHandler, WithdrawEvidenceHandler, BlobStore, EvidenceUploadInterceptor, EvidenceFacts],
  exports: [EvidenceFacts],
})
export class EvidenceModule {}

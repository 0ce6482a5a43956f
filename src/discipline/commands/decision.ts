import { z } from 'zod';
import { localDate, text } from '../../core/http/validation.js';

/** Every decision names the body that took it and its document number (文号), e.g. 蒲教纪发〔2026〕3号. */
export const decisionFields = {
  decidedOn: localDate(),
  decidingBody: text(200),
  documentNumber: text(100),
  expectedRevision: z.number().int().min(0).optional(),
};

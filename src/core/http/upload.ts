import type { MulterModuleOptions as MulterOptions } from '@nestjs/platform-express';

/**
 * Options for every multipart upload (`FileInterceptor('file', uploadOptions({ fileSize }))`).
 * Browsers send a file name such as `党员名册.xlsx` as raw UTF-8 bytes in `filename="…"`; busboy reads
 * header parameters as Latin-1 unless told otherwise, which turned it into `å…šå‘˜….xlsx`. A name
 * sent the RFC 5987 way (`filename*=UTF-8''…`) names its charset and is unaffected.
 */
export const uploadOptions = (limits: NonNullable<MulterOptions['limits']>): MulterOptions => ({
  defParamCharset: 'utf8',
  limits,
});

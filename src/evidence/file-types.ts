/**
 * Which files may be filed as evidence, judged by their content (magic bytes), not by the name or the
 * Content-Type the browser sends: PDF, images (PNG, JPEG, GIF, WebP) and Office documents. Old Office files
 * (.doc/.xls/.ppt) share one container (OLE2) and new ones (.docx/.xlsx/.pptx) are ZIP archives holding a
 * `[Content_Types].xml`; for those two the extension says which document it is. A plain ZIP (or anything
 * else) is refused: an archive could carry anything past the check.
 */
export interface AllowedType {
  mime: string;
  /** The extension a download offers when the file's name has none that fits. */
  extension: string;
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OOXML_MARKER = Buffer.from('[Content_Types].xml', 'latin1');

const OLD_OFFICE: Record<string, AllowedType> = {
  doc: { mime: 'application/msword', extension: 'doc' },
  xls: { mime: 'application/vnd.ms-excel', extension: 'xls' },
  ppt: { mime: 'application/vnd.ms-powerpoint', extension: 'ppt' },
};
const NEW_OFFICE: Record<string, AllowedType> = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' },
};

/** What the allow-list says in words, for the refusal and the upload form. */
export const ALLOWED_TYPES_TEXT = {
  zh: 'PDF、图片（PNG、JPEG、GIF、WebP）或 Office 文档（doc、docx、xls、xlsx、ppt、pptx）',
  en: 'PDF, images (PNG, JPEG, GIF, WebP) or Office documents (doc, docx, xls, xlsx, ppt, pptx)',
};

const HEAD_BYTES = 16;

const extensionOf = (name: string) => /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1].toLowerCase() ?? '';

/**
 * Watches a file's bytes as they stream past (`push` each chunk), keeping only its first bytes and whether
 * the OOXML marker was seen, then judges the type: memory stays flat whatever the file's size.
 */
export class FileTypeSniffer {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private ooxmlMarker = false;

  push(chunk: Buffer): void {
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES)]);
    if (!this.ooxmlMarker) {
      // The marker may straddle two chunks: search the previous chunk's last bytes with this one.
      const window = Buffer.concat([this.tail, chunk]);
      this.ooxmlMarker = window.includes(OOXML_MARKER);
      this.tail = window.subarray(Math.max(0, window.length - OOXML_MARKER.length + 1));
    }
  }

  /** The allowed type of the whole file named `name`, or null when it is not one the archive takes. */
  verdict(name: string): AllowedType | null {
    const head = this.head;
    const starts = (magic: Buffer, at = 0) => head.subarray(at, at + magic.length).equals(magic);
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { mime: 'application/pdf', extension: 'pdf' };
    if (starts(PNG)) return { mime: 'image/png', extension: 'png' };
    if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { mime: 'image/jpeg', extension: 'jpg' };
    if (/^GIF8[79]a/.test(head.subarray(0, 6).toString('latin1'))) return { mime: 'image/gif', extension: 'gif' };
    if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP')
      return { mime: 'image/webp', extension: 'webp' };
    const extension = extensionOf(name);
    if (starts(OLE2)) return OLD_OFFICE[extension] ?? null;
    if (starts(ZIP) && this.ooxmlMarker) return NEW_OFFICE[extension] ?? null;
    return null;
  }
}

/** The type of a whole buffer (tests, the demo's generated files). */
export const sniffBuffer = (bytes: Buffer, name: string): AllowedType | null => {
  const sniffer = new FileTypeSniffer();
  sniffer.push(bytes);
  return sniffer.verdict(name);
};

import { crc32, deflateSync } from 'node:zlib';

/**
 * Tiny but valid files for the demo county's archive, generated in code so the demo ships no binaries and
 * the same text gives the same bytes (and so the same content address): a one-page PDF whose page shows an
 * ASCII line (its title travels in the document's metadata, UTF-16 for Chinese), and a small PNG.
 */
export const tinyPdf = (title: string, line: string): Buffer => {
  const utf16 = Buffer.from(`\uFEFF${title}`, 'utf16le').swap16().toString('hex').toUpperCase();
  const content = `BT /F1 14 Tf 40 100 Td (${line.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Title <${utf16}> /Producer (Party Ledger demo) >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
};

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A `width`×`height` PNG in one RGB colour with a darker diagonal: a stand-in for a photo of a noticeboard. */
export const tinyPng = (width: number, height: number, [r, g, b]: [number, number, number]): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const dark = Math.abs(x - y) < 2 ? 0.5 : 1;
      row.set([Math.round(r * dark), Math.round(g * dark), Math.round(b * dark)], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const DEMO_LINE = 'Party Ledger demo evidence';

/**
 * The bytes of a demo file, from its name and title alone: the demo files its events with these hashes,
 * and the blob store regenerates a missing demo file from the event (see BlobStore.restoreDemo), so a demo
 * seeded by the CLI or at first start needs no access to the data folder.
 */
export const demoFileBytes = (name: string, title: string): Buffer => {
  if (name.toLowerCase().endsWith('.png')) {
    const tint = crc32(Buffer.from(title, 'utf8'));
    return tinyPng(48, 32, [0x90 + (tint & 0x3f), 0x30 + ((tint >> 8) & 0x3f), 0x30 + ((tint >> 16) & 0x3f)]);
  }
  return tinyPdf(title, DEMO_LINE);
};

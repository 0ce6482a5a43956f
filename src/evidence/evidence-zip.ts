import archiver from 'archiver';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from './blob-store.js';
import type { Archive } from './projections/evidence-queries.js';

/** A name made safe as one path segment of a zip entry (no folders, no `..`, no control characters). */
const segment = (name: string) =>
  name
    .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]/gu, '_')
    .replace(/^\.+/, '_')
    .trim() || 'file';

/** `a.pdf`, `a (2).pdf`…: the first free name in a folder. */
const unique = (taken: Set<string>, name: string) => {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
};

const csvCell = (value: string | number | null) => {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The organisation's archive for a year as ONE zip written straight to `out` (an HTTP response, a file):
 * a folder per category (its Chinese label; a stage summary's per half-year), each file under its own
 * name (made unique within its folder), and `清单.csv` (UTF-8 with BOM, for Excel) listing every file with
 * its hash and every required entry still missing. Files are read from the blob store one at a time and
 * stored without recompression, so memory stays flat whatever the archive's size.
 */
export const writeArchiveZip = async (archive: Archive, blobs: BlobStore, out: Writable): Promise<void> => {
  const zip = archiver('zip', { store: true });
  const done = pipeline(zip, out);
  // Ends the wait for an entry when the stream fails or the reader goes away (a download cancelled).
  const broken = done.then(() => {
    throw new Error('The zip stream ended before every entry was written');
  });
  broken.catch(() => undefined);
  /** Appends one entry and waits until archiver has written it: one file open at a time, however many. */
  const append = (source: Parameters<typeof zip.append>[0], name: string, date?: Date) =>
    Promise.race([
      new Promise<void>((resolve) => {
        zip.once('entry', () => resolve());
        zip.append(source, { name, date });
      }),
      broken,
    ]);
  const manifest: string[] = [['分类', '文件', '标题', '日期', '大小（字节）', 'SHA-256'].join(',')];
  const folders = new Map<string, Set<string>>();
  try {
    for (const entry of archive.entries) {
      const folder = segment(entry.label.zh);
      const taken = folders.get(folder) ?? new Set<string>();
      folders.set(folder, taken);
      for (const file of entry.files) {
        const name = unique(taken, segment(file.name));
        await append(blobs.open(file.sha256), `${folder}/${name}`, new Date(file.filedAt));
        manifest.push(
          [entry.label.zh, `${folder}/${name}`, file.title, file.on, file.size, file.sha256].map(csvCell).join(','),
        );
      }
    }
    for (const missing of archive.missing) manifest.push([missing.label.zh, '（缺）', '', '', '', ''].join(','));
    await append(Buffer.from(`\uFEFF${manifest.join('\r\n')}\r\n`, 'utf8'), '清单.csv');
    await zip.finalize();
  } catch (error) {
    zip.abort();
    await done.catch(() => undefined);
    throw error;
  }
  await done;
};

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStore } from '../src/evidence/blob-store.js';
import { writeArchiveZip } from '../src/evidence/evidence-zip.js';
import type { Archive, EvidenceRow } from '../src/evidence/projections/evidence-queries.js';
import { entryLabel } from '../src/evidence/projections/evidence-queries.js';
import { envInt, withTempDir } from './util.js';

/**
 * The archive of one helper school for a year zipped while streaming (issue 12 §9): 200 files, 500 MB in
 * all (EVIDENCE_BENCH_FILES, EVIDENCE_BENCH_MB), stored in a temporary data folder's blob store as uploads
 * leave them, zipped by the route's own writer to /dev/null (or to a temporary file with
 * EVIDENCE_BENCH_TO_FILE=1). Prints the throughput and the peak resident memory, sampled while zipping and
 * as the OS counts it: flat memory means the peak stays near the baseline whatever the archive's size.
 */
const CATEGORIES = ['year-end-summary', 'norm_branch_setup', 'norm_org_life', 'norm_facilities', 'norm_work_rules'];
const MB = 1024 * 1024;

/** One file's bytes, streamed in 1 MB chunks (the bench never holds a file whole either). */
const fileStream = (size: number, seed: number) => {
  const block = randomBytes(MB);
  block.writeUInt32LE(seed, 0); // distinct contents: no two files share an address
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const chunk = block.subarray(0, Math.min(MB, left));
      left -= chunk.length;
      this.push(chunk);
    },
  });
};

const rowOf = (n: number, sha256: string, size: number, category: string): EvidenceRow => ({
  id: `bench-${n}`,
  sha256,
  size,
  name: `第${n + 1}份印证资料（扫描件）.pdf`,
  mime: 'application/pdf',
  subject: { feature: 'pairing', kind: 'pairing', id: 'bench' },
  orgId: 'bench-org',
  orgName: '桥山中学党总支',
  year: 2026,
  category,
  title: null,
  on: '2026-11-20',
  half: null,
  status: 'filed',
  filedBy: 'bench',
  filedAt: '2026-11-20T01:00:00.000Z',
  eventId: `event-${n}`,
  withdrawn: null,
});

export const runEvidenceZipBench = () =>
  withTempDir('zip', async (dir) => {
    const files = envInt('EVIDENCE_BENCH_FILES', 200);
    const totalBytes = envInt('EVIDENCE_BENCH_MB', 500) * MB;
    const size = Math.floor(totalBytes / files);
    const blobs = new BlobStore({ dataDir: dir });
    const rows: EvidenceRow[] = [];
    const storing = Date.now();
    for (let n = 0; n < files; n++) {
      const received = await blobs.receive(fileStream(size, n));
      await blobs.keep(received.tempPath, received.sha256);
      rows.push(rowOf(n, received.sha256, size, CATEGORIES[n % CATEGORIES.length]));
    }
    const storeSeconds = (Date.now() - storing) / 1000;
    const archive: Archive = {
      org: { id: 'bench-org', name: '桥山中学党总支', kind: 'general_branch', foundedOn: '2012-03-01' },
      year: 2026,
      profile: 'helper-school',
      profileLabel: { zh: '帮建学校', en: 'Helper school' },
      ready: true,
      missing: [],
      entries: CATEGORIES.map((category) => ({
        category,
        label: entryLabel(category, null),
        half: null,
        required: true,
        present: true,
        files: rows.filter((r) => r.category === category),
      })),
      withdrawn: [],
    };

    global.gc?.();
    const baselineRss = process.memoryUsage().rss;
    let peakRss = baselineRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const toFile = process.env.EVIDENCE_BENCH_TO_FILE === '1';
    const hash = createHash('sha256');
    let zipBytes = 0;
    const sink = toFile
      ? createWriteStream(join(dir, 'archive.zip'))
      : new Writable({
          write(chunk: Buffer, _encoding, callback) {
            zipBytes += chunk.length;
            hash.update(chunk.subarray(0, 64));
            callback();
          },
        });
    const started = process.hrtime.bigint();
    await writeArchiveZip(archive, blobs, sink);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    // Baseline, same run and files: reading every stored file, one after another, into a counting sink. The
    // zip cannot go faster than reading its entries, so its throughput is stated as a share of this.
    let readBytes = 0;
    const readStarted = process.hrtime.bigint();
    for (const row of rows)
      await pipeline(
        createReadStream(blobs.pathOf(row.sha256)),
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            readBytes += chunk.length;
            callback();
          },
        }),
      );
    const readSeconds = Number(process.hrtime.bigint() - readStarted) / 1e9;
    if (toFile) zipBytes = (sink as ReturnType<typeof createWriteStream>).bytesWritten;
    return {
      files,
      archiveMB: Math.round(totalBytes / MB),
      storeSeconds: Number(storeSeconds.toFixed(1)),
      zipTo: toFile ? 'temporary file' : 'a counting sink (like /dev/null)',
      zipMB: Number((zipBytes / MB).toFixed(1)),
      zipSeconds: Number(seconds.toFixed(2)),
      throughputMBps: Number((zipBytes / MB / seconds).toFixed(1)),
      baselineReadMBps: Number((readBytes / MB / readSeconds).toFixed(1)),
      zipShareOfReadRate: `${Math.round((100 * (zipBytes / seconds)) / (readBytes / readSeconds))}%`,
      baselineRssMB: Math.round(baselineRss / MB),
      peakRssWhileZippingMB: Math.round(peakRss / MB),
      rssGrowthMB: Math.round((peakRss - baselineRss) / MB),
      maxRssOfProcessMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  });

if (process.argv[1]?.endsWith('evidence-zip.js')) {
  runEvidenceZipBench().then((figures) => console.log(JSON.stringify(figures, null, 2)));
}

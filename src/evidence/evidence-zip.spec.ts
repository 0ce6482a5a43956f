import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { BlobStore } from './blob-store.js';
import { tinyPdf } from './demo-files.js';
import { writeArchiveZip } from './evidence-zip.js';
import { entryLabel, type Archive, type EvidenceRow } from './projections/evidence-queries.js';

const dir = mkdtempSync(join(tmpdir(), 'party-ledger-zip-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const archiveOf = async (blobs: BlobStore, names: string[]): Promise<Archive> => {
  const files: EvidenceRow[] = [];
  for (const [n, name] of names.entries()) {
    const bytes = Buffer.concat([tinyPdf(name, 'x'), Buffer.alloc(200_000, n)]);
    const sha256 = await blobs.put(bytes);
    files.push({ id: `e-${n}`, sha256, size: bytes.length, name, filedAt: '2026-11-20T01:00:00.000Z' } as EvidenceRow);
  }
  return {
    org: { id: 'o', name: '桥山中学党总支', kind: 'general_branch', foundedOn: '2012-01-01' },
    year: 2026,
    profile: 'organisation',
    profileLabel: { zh: '党组织', en: 'Party organisation' },
    ready: false,
    missing: [{ category: 'norm_work_rules', half: null, label: entryLabel('norm_work_rules', null) }],
    entries: [
      {
        category: 'norm_org_life',
        label: entryLabel('norm_org_life', null),
        half: null,
        required: true,
        present: true,
        files,
      },
    ],
    withdrawn: [],
  };
};

describe('the archive zip', () => {
  test('names in a folder are made unique and safe; a folder trick stays one segment', async () => {
    const blobs = new BlobStore({ dataDir: dir });
    const archive = await archiveOf(blobs, ['会议记录.pdf', '会议记录.pdf', '../../etc/x.pdf']);
    const chunks: Buffer[] = [];
    await writeArchiveZip(
      archive,
      blobs,
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
      }),
    );
    const zip = Buffer.concat(chunks);
    const names: string[] = [];
    for (let at = zip.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4, 'latin1'))
      names.push(zip.subarray(at + 46, at + 46 + zip.readUInt16LE(at + 28)).toString('utf8'));
    expect(names).toEqual([
      '组织生活正常化/会议记录.pdf',
      '组织生活正常化/会议记录 (2).pdf',
      '组织生活正常化/__.._etc_x.pdf',
      '清单.csv',
    ]);
  });

  test('a reader that goes away mid-archive ends the writing with an error, not a hang', async () => {
    const blobs = new BlobStore({ dataDir: dir });
    const archive = await archiveOf(blobs, ['a.pdf', 'b.pdf', 'c.pdf']);
    let written = 0;
    const reader = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        callback(written > 250_000 ? new Error('connection closed') : null);
      },
    });
    await expect(writeArchiveZip(archive, blobs, reader)).rejects.toThrow();
  });
});

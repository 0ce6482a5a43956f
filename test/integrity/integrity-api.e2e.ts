import { afterAll, describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { runNode } from '../support/processes.js';

/**
 * The app's side of tamper evidence: the key made at the first start, apart from the data; the auditor's
 * routes; a checkpoint at shutdown; and a start on a log whose tail was removed, which /api/health reports
 * while the app keeps serving.
 */
describe('integrity in the running app', () => {
  const root = mkdtempSync(join(tmpdir(), 'party-ledger-integrity-api-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const integrityOnceChecked = async (t: TestApp) => {
    for (let i = 0; i < 200; i++) {
      const health = await t.request('GET', '/health');
      if (health.body.integrity.ok !== null) return health.body.integrity;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the start check did not finish');
  };

  test('auditors verify, read the key and export the latest checkpoint; a removed tail is reported at the next start', async () => {
    const t = await startTestApp({ dataDir });
    const exported = join(root, 'exported.json');
    try {
      expect((await t.request('POST', '/units', { name: '桥山中学', type: 'public_school' })).status).toBe(201);
      const auditor = await t.userWithRole('auditor');
      const staff = await t.userWithRole('bureau_staff');
      expect(await integrityOnceChecked(t)).toEqual({ ok: true, checkedAt: expect.any(String), problems: [] });

      // The key: beside DATA_DIR, not in it, readable by its owner only.
      const keyFile = join(root, 'keys', 'audit-ed25519.pem');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const publicKey = await t.requestAs(auditor, 'GET', '/integrity/public-key');
      expect(publicKey.status).toBe(200);
      expect(publicKey.body).toMatch(/^-----BEGIN PUBLIC KEY-----/);

      const verified = await t.requestAs(auditor, 'GET', '/integrity/verify');
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ ok: true, scope: 'full', problems: [] });
      expect(verified.body.checkedEvents).toBeGreaterThan(3);
      expect((await t.requestAs(staff, 'GET', '/integrity/verify')).status).toBe(403);
      expect((await t.requestAs(staff, 'GET', '/integrity/checkpoint')).status).toBe(403);

      const checkpoint = await t.requestAs(auditor, 'GET', '/integrity/checkpoint');
      expect(checkpoint.status).toBe(200);
      expect(checkpoint.headers.get('content-disposition')).toMatch(
        /^attachment; filename="party-ledger-checkpoint-\d+\.json"$/,
      );
      expect(checkpoint.body.checkpoint.position).toBe(verified.body.head.position);
      writeFileSync(exported, JSON.stringify(checkpoint.body));
      expect(JSON.parse(readFileSync(join(root, 'keys', readAnchorName(root)), 'utf8'))).toEqual(checkpoint.body);
    } finally {
      await t.close(); // signs a last checkpoint of the head
    }

    // Someone with the data folder removes the last event and the checkpoints stored beside the events.
    const db = new Database(join(dataDir, 'events.sqlite'));
    const head = (db.prepare('SELECT max(position) FROM events').pluck().get() as number).toString();
    db.prepare('DELETE FROM events WHERE position = ?').run(head);
    db.prepare('DELETE FROM log_checkpoints').run();
    db.close();

    const again = await startTestApp({ dataDir });
    try {
      const integrity = await integrityOnceChecked(again);
      expect(integrity.ok).toBe(false);
      expect(integrity.problems).toEqual([expect.objectContaining({ kind: 'tail-removed', position: head })]);
      expect((await again.request('GET', '/units')).status).toBe(200); // still serving
      const status = await again.request('GET', '/integrity');
      expect(status.body).toMatchObject({ ok: false, scope: 'tail' });
    } finally {
      await again.close();
    }
    const cli = runNode('cli.js', ['verify', '--against', exported], { DATA_DIR: dataDir });
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toMatch(/✗ \[tail-removed\] position \d+: the log ends at position/);
  });
});

/** The anchor beside the key is named after the store it anchors. */
const readAnchorName = (root: string): string =>
  readdirSync(join(root, 'keys')).find((name) => name.startsWith('audit-anchor-'))!;

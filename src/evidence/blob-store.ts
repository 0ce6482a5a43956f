import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { demoFileBytes } from './demo-files.js';
import { FileTypeSniffer } from './file-types.js';

const SHA256 = /^[0-9a-f]{64}$/;
const STALE_TEMP_MS = 24 * 3_600_000;

/** A file received into the store's temporary folder, hashed and sniffed on the way in. */
export interface ReceivedFile {
  tempPath: string;
  sha256: string;
  size: number;
  sniffer: FileTypeSniffer;
}

/**
 * The evidence files' bytes, kept once per content under `DATA_DIR/evidence/<first 2 hex>/<other 62 hex>`
 * of their SHA-256: an identical file uploaded twice is stored once, and a path is only ever built from a
 * hash this store computed (or checked as 64 hex digits), never from a client's string. A file arrives in
 * `evidence/tmp/` while it is hashed, and is moved to its address in one rename (same folder tree, so the
 * rename is atomic): a reader never sees half a file under an address.
 */
@Injectable()
export class BlobStore implements OnModuleInit {
  readonly root: string;
  private readonly temp: string;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'dataDir'>) {
    this.root = join(config.dataDir, 'evidence');
    this.temp = join(this.root, 'tmp');
  }

  /**
   * Removes what uploads cut off by a crash left in the temporary folder: files older than a day (an
   * upload of another instance sharing DATA_DIR may still be writing a younger one).
   */
  async onModuleInit(): Promise<void> {
    const names = await readdir(this.temp).catch(() => [] as string[]);
    // File times are the machine's, so this compares with the machine's clock, not the business clock.
    const dayAgo = Date.now() - STALE_TEMP_MS;
    for (const name of names) {
      const path = join(this.temp, name);
      const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: Date.now() }));
      if (mtimeMs < dayAgo) await rm(path, { force: true });
    }
  }

  /** Where the bytes of `sha256` live; throws for anything but 64 lowercase hex digits. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${JSON.stringify(sha256)}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  /** A fresh temporary file's path (multer's storage engine writes there). */
  async tempFile(): Promise<string> {
    await mkdir(this.temp, { recursive: true });
    return join(this.temp, `${randomUUID()}.part`);
  }

  /** Streams `input` to a temporary file, hashing and sniffing each chunk; memory stays flat. */
  async receive(input: Readable): Promise<ReceivedFile> {
    const tempPath = await this.tempFile();
    const hash = createHash('sha256');
    const sniffer = new FileTypeSniffer();
    let size = 0;
    const watch = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        sniffer.push(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(input, watch, createWriteStream(tempPath, { flags: 'wx' }));
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { tempPath, sha256: hash.digest('hex'), size, sniffer };
  }

  /** Moves a received file to its address, or drops it when those bytes are stored already. */
  async keep(tempPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (existsSync(target)) {
      await rm(tempPath, { force: true });
      return;
    }
    await mkdir(join(target, '..'), { recursive: true });
    await rename(tempPath, target);
  }

  /** Stores bytes held in memory (the demo's tiny generated files); returns their hash. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (existsSync(this.pathOf(sha256))) return sha256;
    const tempPath = await this.tempFile();
    await writeFile(tempPath, bytes, { flag: 'wx' });
    await this.keep(tempPath, sha256);
    return sha256;
  }

  /**
   * Whether the bytes of a filed file are here; a missing file the demo county filed (the system filed it,
   * and the bytes generated from its name and title hash to its address) is regenerated first. A real
   * upload is never made up: only bytes with exactly the filed hash are stored.
   */
  async present(file: { sha256: string; name: string; title: string | null; filedBy: string }): Promise<boolean> {
    if (await this.has(file.sha256)) return true;
    if (file.filedBy !== 'system' || file.title === null) return false;
    const bytes = demoFileBytes(file.name, file.title);
    if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) return false;
    await this.put(bytes);
    return true;
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }
}

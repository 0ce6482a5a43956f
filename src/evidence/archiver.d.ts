/**
 * The part of archiver 5 (no published types at this version) the evidence zip uses: a ZIP written as a
 * stream, entries appended from streams, UTF-8 names (compress-commons sets the language-encoding flag,
 * bit 11, for any name outside ASCII).
 */
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream';

  interface ZipOptions {
    /** Entries stored, not deflated: evidence files (PDF, images, OOXML) are compressed already. */
    store?: boolean;
    zlib?: { level?: number };
  }

  interface Archiver extends Transform {
    append(source: Readable | Buffer | string, data: { name: string; date?: Date }): this;
    finalize(): Promise<void>;
    abort(): this;
    pointer(): number;
    on(event: 'warning' | 'error', listener: (error: Error) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  function archiver(format: 'zip', options?: ZipOptions): Archiver;
  export default archiver;
}

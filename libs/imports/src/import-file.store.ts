import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, ReadStream } from 'node:fs';
import { mkdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '@app/config';
import { LineCounter } from './line-count';

export interface StoredFile {
  /** The file's name inside IMPORT_DIR. */
  name: string;
  size: number;
  sha256: string;
  /** Lines in the file (as the parsers number them): the "of m" of a run's progress. */
  lines: number;
}

/**
 * Uploaded files wait in IMPORT_DIR until their run is over. A directory (not the database) because the
 * files are streamed in and out once and can be large; the API, the CLI and the worker must see the same
 * directory (one volume in docker-compose). Names are random: nothing from the client reaches the path.
 */
@Injectable()
export class ImportFileStore {
  constructor(private readonly config: AppConfig) {}

  get directory(): string {
    return resolve(this.config.IMPORT_DIR);
  }

  /** Streams `source` into a new file, hashing it on the way; removes the file if the stream fails. */
  save(source: Readable): Promise<StoredFile> {
    return this.write(() => source);
  }

  /** Copies a local file in (the CLI). */
  copyIn(path: string): Promise<StoredFile> {
    // Opened only when piped: an open error (no such file) must find pipeline's listener.
    return this.write(() => createReadStream(path));
  }

  private async write(open: () => Readable): Promise<StoredFile> {
    await mkdir(this.directory, { recursive: true });
    const source = open();
    const name = `${randomUUID()}.upload`;
    const path = join(this.directory, name);
    const hash = createHash('sha256');
    const lines = new LineCounter();
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        lines.add(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, measure, createWriteStream(path, { flags: 'wx' }));
    } catch (err) {
      await this.remove(name);
      throw err;
    }
    return { name, size, sha256: hash.digest('hex'), lines: lines.lines };
  }

  open(name: string): ReadStream {
    return createReadStream(this.path(name));
  }

  async exists(name: string): Promise<boolean> {
    return stat(this.path(name)).then(
      () => true,
      () => false,
    );
  }

  async remove(name: string): Promise<void> {
    await unlink(this.path(name)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  private path(name: string): string {
    if (!/^[0-9a-f-]{36}\.upload$/.test(name)) throw new Error(`not a stored import file name: ${name}`);
    return join(this.directory, name);
  }
}

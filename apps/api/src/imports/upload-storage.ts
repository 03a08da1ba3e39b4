import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { ImportFileStore, ReceivedFile, StoredFile } from '@app/imports';

/** What multer hands our storage engine, and what the route then sees as `@UploadedFile()`. */
interface IncomingFile {
  fieldname: string;
  originalname: string;
  stream: Readable;
}

export interface UploadedImportFile extends IncomingFile {
  stored: StoredFile;
}

export const toReceivedFile = (file?: UploadedImportFile): ReceivedFile | undefined =>
  file ? { originalName: file.originalname, stored: file.stored } : undefined;

/**
 * A multer storage engine that streams the upload straight into IMPORT_DIR (never into memory). When
 * multer stops a file at its size limit, or the request fails validation, multer calls `_removeFile`.
 */
export class ImportUploadStorage {
  constructor(private readonly store: ImportFileStore) {}

  _handleFile(_req: Request, file: IncomingFile, cb: (error: unknown, info?: { stored: StoredFile }) => void): void {
    this.store.save(file.stream).then(
      (stored) => cb(null, { stored }),
      (err) => cb(err),
    );
  }

  _removeFile(_req: Request, file: Partial<UploadedImportFile>, cb: (error: Error | null) => void): void {
    if (!file.stored) return cb(null);
    this.store.remove(file.stored.name).then(() => cb(null), cb);
  }
}

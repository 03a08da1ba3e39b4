import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InvalidInputError } from '@app/domain';
import { createValidationPipe, LONE_SURROGATE } from '@app/http';
import { AppConfig } from '@app/config';
import { CreateImportDto, FileTooLargeError, ImportFileStore, ReceivedFile } from '@app/imports';

/** Room for the multipart envelope and the option fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** The options of an import are a handful of short fields. */
const LIMITS = { files: 1, fields: 20, fieldSize: 10_000, parts: 21 };

export interface ImportUpload {
  file?: ReceivedFile;
  dto: CreateImportDto;
}

/**
 * Reads `POST /imports`: the file part streams straight into IMPORT_DIR (never into memory), at most
 * IMPORT_MAX_BYTES (read per request, so always the configured limit); the other parts are the options,
 * validated by the same pipe as every JSON body. Whatever goes wrong, the stored file is removed.
 */
@Injectable()
export class ImportUploadReader {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly store: ImportFileStore,
    private readonly config: AppConfig,
  ) {}

  async read(req: FastifyRequest): Promise<ImportUpload> {
    const max = this.config.IMPORT_MAX_BYTES;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max + MULTIPART_OVERHEAD) throw new FileTooLargeError(max);
    if (!req.isMultipart())
      throw new InvalidInputError(
        'file',
        'file is missing: send a multipart/form-data body with the file as the field "file"',
      );

    const fields: Record<string, string> = {};
    let file: ReceivedFile | undefined;
    try {
      for await (const part of req.parts({ limits: { ...LIMITS, fileSize: max } })) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') {
            part.file.resume();
            throw new InvalidInputError(part.fieldname, `${part.fieldname}: the file goes in the field "file"`);
          }
          // The name is only shown and used for a quarterly file's date; a client may send none at all.
          file = { originalName: cleanFileName(part.filename), stored: await this.store.save(part.file) };
        } else {
          if (part.valueTruncated)
            throw new InvalidInputError(
              part.fieldname,
              `${part.fieldname} is longer than ${LIMITS.fieldSize} characters`,
            );
          // Which of two values was meant is not ours to guess (the last one silently won before).
          if (Object.hasOwn(fields, part.fieldname))
            throw new InvalidInputError(part.fieldname, `${part.fieldname} is given more than once`);
          fields[part.fieldname] = String(part.value);
        }
      }
      const dto = (await this.validation.transform(fields, {
        type: 'body',
        metatype: CreateImportDto,
      })) as CreateImportDto;
      return { file, dto };
    } catch (err) {
      if (file) await this.store.remove(file.stored.name);
      throw this.explain(err, max);
    }
  }

  /** @fastify/multipart's and busboy's errors, as the field problems a client can act on. */
  private explain(err: unknown, max: number): unknown {
    const code = (err as { code?: string })?.code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return new FileTooLargeError(max);
    if (code === 'FST_FILES_LIMIT') return new InvalidInputError('file', 'send one file per import');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      return new InvalidInputError('body', `at most ${LIMITS.fields} option fields`);
    if (code === 'FST_PROTO_VIOLATION') return new InvalidInputError('body', 'a field name is not allowed');
    // busboy: a body that is not well-formed multipart (cut short, bad boundary, bad part headers).
    if (err instanceof Error && !code && /multipart|boundary|form|part/i.test(err.message)) {
      return new InvalidInputError('body', `the multipart body could not be read (${err.message})`);
    }
    return err;
  }
}

/** The client's file name as text we can store: none becomes "upload.csv"; NUL and lone surrogates go. */
function cleanFileName(name: string | undefined): string {
  const clean = (name ?? '').replaceAll('\0', '').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD').trim();
  return clean || 'upload.csv';
}

import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { AppConfig } from '@app/config';
import { FileTooLargeError } from '@app/imports';

/** Room for the multipart envelope and the option fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * IMPORT_MAX_BYTES for uploads: refused at once when Content-Length already says too much, otherwise when
 * multer reaches the limit while streaming (its 413 gets our message). Put it before FileInterceptor.
 */
@Injectable()
export class UploadLimitInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const max = this.config.IMPORT_MAX_BYTES;
    const declared = Number(context.switchToHttp().getRequest<Request>().headers['content-length']);
    if (Number.isFinite(declared) && declared > max + MULTIPART_OVERHEAD) throw new FileTooLargeError(max);
    return next.handle().pipe(catchError((err) => throwError(() => (err instanceof PayloadTooLargeException ? new FileTooLargeError(max) : err))));
  }
}

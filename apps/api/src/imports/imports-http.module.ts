import { Module } from '@nestjs/common';
import { ImportsModule } from '@app/imports';
import { ImportUploadReader } from './import-upload.reader';
import { ImportsController } from './imports.controller';

/** The upload route: multipart files stream into IMPORT_DIR, at most IMPORT_MAX_BYTES, one file per request. */
@Module({
  imports: [ImportsModule],
  providers: [ImportUploadReader],
  controllers: [ImportsController],
})
export class ImportsHttpModule {}

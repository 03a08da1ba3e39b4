import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { AppConfig } from '@app/config';
import { ImportFileStore, ImportsModule } from '@app/imports';
import { ImportsController } from './imports.controller';
import { ImportUploadStorage } from './upload-storage';

/** The upload route: multipart files stream into IMPORT_DIR, at most IMPORT_MAX_BYTES, one file per request. */
@Module({
  imports: [
    ImportsModule,
    MulterModule.registerAsync({
      imports: [ImportsModule],
      inject: [ImportFileStore, AppConfig],
      useFactory: (store: ImportFileStore, config: AppConfig) => ({
        storage: new ImportUploadStorage(store),
        // Read per request, so the limit is always the configured one: multer ≥ 2.4 (and Nest's
        // applyDefaultLimits) take a function here, Nest's MulterOptions type does not know it yet.
        limits: (() => ({ fileSize: config.IMPORT_MAX_BYTES, files: 1, fields: 20, fieldSize: 10_000 })) as unknown as MulterOptions['limits'],
      }),
    }),
  ],
  controllers: [ImportsController],
})
export class ImportsHttpModule {}

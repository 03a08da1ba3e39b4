import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
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
        limits: { fileSize: config.IMPORT_MAX_BYTES, files: 1, fields: 20, fieldSize: 10_000 },
      }),
    }),
  ],
  controllers: [ImportsController],
})
export class ImportsHttpModule {}

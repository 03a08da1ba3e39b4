import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CommonModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ImportsModule } from '@app/imports';
import { bullRootOptions } from '@app/jobs';
import { ImportsProcessor } from './imports/imports.processor';
import { ImportsSweeper } from './imports/imports.sweeper';

/** The worker: queue processors and schedules, no HTTP server. */
@Module({
  imports: [
    ConfigModule,
    CommonModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL } }) }),
    DatabaseModule,
    BullModule.forRootAsync({ inject: [AppConfig], useFactory: bullRootOptions }),
    ImportsModule,
  ],
  providers: [ImportsProcessor, ImportsSweeper],
})
export class WorkerModule {}

import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CommonModule, createValidationPipe, HttpErrorFilter } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FiguresModule } from '@app/figures';
import { bullRootOptions } from '@app/jobs';
import { PracticesModule } from '@app/practices';
import { StatusModule } from '@app/status';
import { HealthModule } from './health/health.module';
import { ImportsHttpModule } from './imports/imports-http.module';
import { LoggingModule } from './logging';
import { GeographyController } from './practices/geography.controller';
import { PracticesController } from './practices/practices.controller';
import { ReportsController } from './reports/reports.controller';

@Module({
  imports: [
    ConfigModule, CommonModule, LoggingModule, DatabaseModule, HealthModule, PracticesModule, StatusModule, FiguresModule,
    // The API only adds jobs (imports); the worker runs them.
    BullModule.forRootAsync({ inject: [AppConfig], useFactory: bullRootOptions }),
    ImportsHttpModule,
  ],
  controllers: [GeographyController, PracticesController, ReportsController],
  providers: [
    // Registered as app providers (not in main.ts) so the e2e tests get exactly the same pipe and filter.
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
})
export class AppModule {}

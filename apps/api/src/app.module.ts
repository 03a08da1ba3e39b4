import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CommonModule, createValidationPipe, HttpErrorFilter } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FiguresModule } from '@app/figures';
import { PracticesModule } from '@app/practices';
import { StatusModule } from '@app/status';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging';
import { GeographyController } from './practices/geography.controller';
import { PracticesController } from './practices/practices.controller';
import { ReportsController } from './reports/reports.controller';

@Module({
  imports: [ConfigModule, CommonModule, LoggingModule, DatabaseModule, HealthModule, PracticesModule, StatusModule, FiguresModule],
  controllers: [GeographyController, PracticesController, ReportsController],
  providers: [
    // Registered as app providers (not in main.ts) so the e2e tests get exactly the same pipe and filter.
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
})
export class AppModule {}

import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CommonModule, createValidationPipe, HttpErrorFilter } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FollowUpsModule } from '@app/follow-ups';
import { PracticesModule } from '@app/practices';
import { RemindersModule } from '@app/reminders';
import { StatusModule } from '@app/status';
import { noQueueBoardActor, QUEUE_BOARD_ACTOR } from './admin/queue-board';
import { BarrierReportController } from './follow-ups/barrier-report.controller';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging';
import { GeographyController } from './practices/geography.controller';
import { PracticesController } from './practices/practices.controller';
import { RemindersController } from './reminders/reminders.controller';

@Module({
  imports: [ConfigModule, CommonModule, LoggingModule, DatabaseModule, HealthModule, PracticesModule, StatusModule, FollowUpsModule, RemindersModule],
  controllers: [GeographyController, PracticesController, FollowUpsController, BarrierReportController, RemindersController],
  providers: [
    // Registered as app providers (not in main.ts) so the e2e tests get exactly the same pipe and filter.
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    // The authentication feature replaces this with its token check (see admin/queue-board.ts).
    { provide: QUEUE_BOARD_ACTOR, useValue: noQueueBoardActor },
  ],
})
export class AppModule {}

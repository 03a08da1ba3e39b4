import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ClockModule } from '@app/http';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FollowUpsModule } from '@app/follow-ups';
import { ImportsModule } from '@app/imports';
import { OutboxRelayModule, QueuesModule } from '@app/jobs';
import { RemindersModule } from '@app/reminders';
import { SnapshotsModule } from '@app/snapshots';
import { FollowUpsProcessor } from './processors/follow-ups.processor';
import { ImportsProcessor } from './processors/imports.processor';
import { JOB_PROCESSORS } from './processors/job-processor';
import { RemindersProcessor } from './processors/reminders.processor';
import { SchedulesProcessor } from './processors/schedules.processor';
import { WorkerRuntime } from './worker-runtime';

/** The worker: queue processors, schedules and the outbox relay; no HTTP server. */
@Module({
  imports: [
    ConfigModule,
    ClockModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL } }),
    }),
    DatabaseModule,
    ImportsModule,
    QueuesModule,
    OutboxRelayModule,
    FollowUpsModule,
    RemindersModule,
    SnapshotsModule,
  ],
  providers: [
    FollowUpsProcessor,
    RemindersProcessor,
    SchedulesProcessor,
    ImportsProcessor,
    {
      provide: JOB_PROCESSORS,
      inject: [FollowUpsProcessor, RemindersProcessor, SchedulesProcessor, ImportsProcessor],
      useFactory: (...processors: unknown[]) => processors,
    },
    WorkerRuntime,
  ],
})
export class WorkerModule {}

import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuditModule } from '@app/audit';
import { ClockModule, createValidationPipe, HttpErrorFilter } from '@app/http';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FiguresModule } from '@app/figures';
import { FollowUpsModule } from '@app/follow-ups';
import { QueuesModule } from '@app/jobs';
import { AuthModule, AuthService } from '@app/people';
import { PracticesModule } from '@app/practices';
import { RemindersModule } from '@app/reminders';
import { StatusModule } from '@app/status';
import { QUEUE_BOARD_ACTOR } from './admin/queue-board';
import { BarrierReportController } from './follow-ups/barrier-report.controller';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { AuditController } from './audit/audit.controller';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { MeController } from './auth/me.controller';
import { SessionController } from './auth/session.controller';
import { SignInThrottleModule } from './auth/sign-in-throttle';
import { HealthModule } from './health/health.module';
import { ImportsHttpModule } from './imports/imports-http.module';
import { LoggingModule } from './logging';
import { FirstAdmin } from './people/first-admin';
import { UsersController } from './people/users.controller';
import { GeographyController } from './practices/geography.controller';
import { PracticesController } from './practices/practices.controller';
import { ReportsController } from './reports/reports.controller';
import { RemindersController } from './reminders/reminders.controller';
import { authenticatedQueueBoardActor } from './auth/queue-board-actor';

@Module({
  imports: [
    ConfigModule,
    ClockModule,
    LoggingModule,
    DatabaseModule,
    HealthModule,
    PracticesModule,
    StatusModule,
    FiguresModule,
    // Bull's connection: the API shows queue state (/health, the queue board); the worker runs the jobs.
    QueuesModule,
    ImportsHttpModule,
    AuthModule,
    AuditModule,
    SignInThrottleModule,
    FollowUpsModule,
    RemindersModule,
  ],
  controllers: [
    GeographyController,
    PracticesController,
    ReportsController,
    AuthController,
    SessionController,
    MeController,
    UsersController,
    AuditController,
    FollowUpsController,
    BarrierReportController,
    RemindersController,
  ],
  providers: [
    // Registered as app providers (not in main.ts) so the e2e tests get exactly the same pipe, filter and guard.
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    // Every route needs a token and a role unless marked @Public (see AccessGuard).
    AccessGuard,
    { provide: APP_GUARD, useExisting: AccessGuard },
    FirstAdmin,
    // The queue board is a Fastify plugin outside the guards: it asks the same sign-in who is calling.
    { provide: QUEUE_BOARD_ACTOR, useFactory: authenticatedQueueBoardActor, inject: [AuthService] },
  ],
})
export class AppModule {}

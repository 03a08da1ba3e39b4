import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuditModule } from '@app/audit';
import { CommonModule, createValidationPipe, HttpErrorFilter } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FiguresModule } from '@app/figures';
import { bullRootOptions } from '@app/jobs';
import { AuthModule } from '@app/people';
import { PracticesModule } from '@app/practices';
import { StatusModule } from '@app/status';
import { AuditController } from './audit/audit.controller';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { MeController } from './auth/me.controller';
import { SignInThrottleModule } from './auth/sign-in-throttle';
import { HealthModule } from './health/health.module';
import { ImportsHttpModule } from './imports/imports-http.module';
import { LoggingModule } from './logging';
import { FirstAdmin } from './people/first-admin';
import { UsersController } from './people/users.controller';
import { GeographyController } from './practices/geography.controller';
import { PracticesController } from './practices/practices.controller';
import { ReportsController } from './reports/reports.controller';

@Module({
  imports: [
    ConfigModule, CommonModule, LoggingModule, DatabaseModule, HealthModule, PracticesModule, StatusModule, FiguresModule,
    // The API only adds jobs (imports); the worker runs them.
    BullModule.forRootAsync({ inject: [AppConfig], useFactory: bullRootOptions }),
    ImportsHttpModule, AuthModule, AuditModule, SignInThrottleModule,
  ],
  controllers: [GeographyController, PracticesController, ReportsController, AuthController, MeController, UsersController, AuditController],
  providers: [
    // Registered as app providers (not in main.ts) so the e2e tests get exactly the same pipe, filter and guard.
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    // Every route needs a token and a role unless marked @Public (see AccessGuard).
    { provide: APP_GUARD, useClass: AccessGuard },
    FirstAdmin,
  ],
})
export class AppModule {}

import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { ClockModule } from '@app/http';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ImportsModule } from '@app/imports';
import { bullRootOptions } from '@app/jobs';

/** What a script needs to run imports in its own process: the operator CLI and the import benchmarks. */
@Module({
  imports: [
    ConfigModule,
    ClockModule,
    DatabaseModule,
    BullModule.forRootAsync({ inject: [AppConfig], useFactory: bullRootOptions }),
    ImportsModule,
  ],
})
export class ImportsScriptModule {}

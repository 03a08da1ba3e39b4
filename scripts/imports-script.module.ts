import { Module } from '@nestjs/common';
import { ClockModule } from '@app/http';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ImportsModule } from '@app/imports';

/**
 * What a script needs to run imports in its own process: the operator CLI and the import benchmarks. No
 * Redis: a run asks for its job through the outbox, which the worker relays.
 */
@Module({
  imports: [ConfigModule, ClockModule, DatabaseModule, ImportsModule],
})
export class ImportsScriptModule {}

import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Clock } from '@app/domain';

/** One Clock for the whole app, so a test that moves it moves it everywhere. */
@Global()
@Module({
  providers: [
    { provide: Clock, useFactory: (config: AppConfig) => new Clock(config.APP_TIME_ZONE), inject: [AppConfig] },
  ],
  exports: [Clock],
})
export class ClockModule {}

import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueuesModule } from '@app/jobs';
import { HealthController } from './health.controller';
import { QueuesHealthIndicator } from './queues.health';
import { RedisHealthIndicator } from './redis.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), QueuesModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, QueuesHealthIndicator],
})
export class HealthModule {}

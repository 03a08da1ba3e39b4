import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@app/http';
import { toHealthCheckFailure } from './health-check-failed';
import { QueuesHealthIndicator } from './queues.health';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly queues: QueuesHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary: 'PostgreSQL and Redis reachability, and job counts per queue',
    description: 'When a check is down: 503, each check down named in `problems` (`field`: database, redis or queues).',
  })
  async check() {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1500 }),
        () => this.redis.pingCheck('redis'),
        () => this.queues.check('queues'),
      ]);
    } catch (err) {
      throw toHealthCheckFailure(err);
    }
  }
}

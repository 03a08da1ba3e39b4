import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';

/** Pings Redis on a connection of its own that never queues commands while Redis is away. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {
    this.client = new Redis({
      host: config.REDIS_HOST,
      port: config.REDIS_PORT,
      password: config.REDIS_PASSWORD,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      retryStrategy: () => 1000,
    });
    this.client.on('error', () => undefined); // reported through the health check, not as crashes
  }

  async pingCheck(key: string, timeoutMs = 1500) {
    const indicator = this.health.check(key);
    try {
      if (this.client.status === 'wait') await this.client.connect();
      let timer: NodeJS.Timeout | undefined;
      const pong = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${String(pong)}` });
    } catch (err) {
      // Not connected: ioredis's own words ("Stream isn't writeable…") would say less than this.
      return indicator.down({ message: this.client.status === 'ready' ? (err as Error).message : 'not reachable' });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}

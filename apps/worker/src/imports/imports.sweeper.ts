import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IMPORT_SWEEP_INTERVAL_MS } from '@app/jobs';
import { ImportsService } from '@app/imports';

/**
 * Re-queues import runs that are not finished, at start-up and then every 30 s: runs uploaded while
 * Redis was down (their row committed, their job never added), and runs whose worker died mid-way.
 * Adding a job for a run that has one is a no-op; processing a finished run does nothing.
 */
@Injectable()
export class ImportsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ImportsSweeper');
  private timer?: NodeJS.Timeout;

  constructor(private readonly imports: ImportsService) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), IMPORT_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number[]> {
    try {
      return await this.imports.requeueUnfinished();
    } catch (err) {
      this.logger.warn(
        `Import sweep failed, next try in ${IMPORT_SWEEP_INTERVAL_MS / 1000} s: ${(err as Error).message}`,
      );
      return [];
    }
  }
}

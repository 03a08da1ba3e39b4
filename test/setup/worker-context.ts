import { INestApplicationContext } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { AppConfig } from '@app/config';

/**
 * The real worker (queue processors, sweeps) on a test's database and Redis prefix, in this process:
 * pass the TestContext's config, so the API of the test adds jobs that this worker runs.
 */
export async function startWorker(
  config: AppConfig,
  customise?: (builder: TestingModuleBuilder) => TestingModuleBuilder,
): Promise<INestApplicationContext> {
  let builder = Test.createTestingModule({ imports: [WorkerModule] }).overrideProvider(AppConfig).useValue(config);
  if (customise) builder = customise(builder);
  const moduleRef = await builder.compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

import { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { API_PREFIX, configureApp } from '../../apps/api/src/configure-app';
import { Clock, Role } from '@app/common';
import { AppConfig } from '@app/config';
import { createDatabaseIfMissing } from '@app/database';
import { Factories } from './factories';
import { adminClient, dropDatabase, templateDatabase, testConfig, testRunId } from './test-database';

let counter = 0;

/** A fresh database cloned from the migrated template, and a Redis prefix of its own. */
export async function createTestDatabase(): Promise<{ config: AppConfig; drop: () => Promise<void> }> {
  const name = `pot_test_${testRunId()}_${process.pid}_${counter++}`;
  const config = testConfig({ DB_NAME: name, REDIS_PREFIX: `test_${name}`, DB_POOL_SIZE: 10 });
  await createDatabaseIfMissing(config, name, templateDatabase());
  return {
    config,
    drop: async () => {
      const client = await adminClient(config);
      try {
        await dropDatabase(client, name);
      } finally {
        await client.end();
      }
    },
  };
}

type Verb = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type ApiClient = Record<Verb, (path: string) => request.Test>;

/** Who a test request is made as: a role (a user of that role, see people), or nobody. */
export type As = Role | 'anonymous';

/**
 * The real API app on a database of its own. `ctx.api(role)` makes requests under the API prefix
 * (paths starting /health, /docs or /admin are left as they are).
 */
export class TestContext {
  private constructor(
    readonly app: INestApplication,
    readonly config: AppConfig,
    readonly db: DataSource,
    readonly factories: Factories,
    private readonly dropDb: () => Promise<void>,
  ) {}

  /** `opts.config` overrides settings (e.g. another Redis); `opts.imports` adds test-only modules. */
  static async create(
    customise?: (builder: TestingModuleBuilder) => TestingModuleBuilder,
    opts: { config?: Partial<AppConfig>; imports?: ModuleMetadata['imports'] } = {},
  ): Promise<TestContext> {
    const created = await createTestDatabase();
    const config = Object.assign(created.config, opts.config);
    const drop = created.drop;
    let builder = Test.createTestingModule({ imports: [AppModule, ...(opts.imports ?? [])] }).overrideProvider(AppConfig).useValue(config);
    if (customise) builder = customise(builder);
    const moduleRef = await builder.compile();
    const app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await app.init();
    const db = app.get<DataSource>(getDataSourceToken());
    return new TestContext(app, config, db, new Factories(db, app), drop);
  }

  get clock(): Clock {
    return this.app.get(Clock);
  }

  api(as: As = Role.Admin): ApiClient {
    const server = this.app.getHttpServer();
    const url = (path: string) => (/^\/(health|docs|admin)/.test(path) ? path : `/${API_PREFIX}${path}`);
    const make = (verb: Verb) => (path: string) => this.authorise(request(server)[verb](url(path)), as);
    return { get: make('get'), post: make('post'), patch: make('patch'), put: make('put'), delete: make('delete') };
  }

  /** Adds the credentials of `as` to a request (nothing until people and access exist). */
  private authorise(req: request.Test, _as: As): request.Test {
    return req;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDb();
  }
}

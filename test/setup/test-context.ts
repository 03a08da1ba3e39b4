import { ModuleMetadata } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { API_PREFIX, apiAdapter, configureApp } from '../../apps/api/src/configure-app';
import { recordRoutes, ServedRoute } from './served-routes';
import { Clock, Role } from '@app/domain';
import { AppConfig } from '@app/config';
import { createDatabaseIfMissing, dataSourceOptions } from '@app/database';
import { AuthService, TokensDto } from '@app/people';
import { CreatedUser, Factories, NewUser } from './factories';
import { clearRedisPrefix } from './redis-keys';
import { adminClient, dropDatabase, templateDatabase, testConfig, testRunId } from './test-database';

let counter = 0;

/** A fresh database cloned from the migrated template, and a Redis prefix of its own. */
export async function createTestDatabase(): Promise<{ config: AppConfig; drop: () => Promise<void> }> {
  const name = `pot_test_${testRunId()}_${process.pid}_${counter++}`;
  const config = testConfig({
    DB_NAME: name,
    REDIS_PREFIX: `test_${name}`,
    DB_POOL_SIZE: 10,
    IMPORT_DIR: join(tmpdir(), name),
  });
  await createDatabaseIfMissing(config, name, templateDatabase());
  const mainServer = Object.assign(new AppConfig(), config);
  return {
    config,
    drop: async () => {
      // Its own copy: a context pointed at another server (a private PostgreSQL) still drops this one.
      const client = await adminClient(mainServer);
      try {
        await dropDatabase(client, name);
      } finally {
        await client.end();
      }
      await rm(config.IMPORT_DIR, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh database (createTestDatabase) and a small DataSource on it, for specs that need SQL and no app.
 * `close` destroys the DataSource, then drops the database.
 */
export async function openTestDataSource(): Promise<{ ds: DataSource; close: () => Promise<void> }> {
  const { config, drop } = await createTestDatabase();
  const ds = new DataSource(dataSourceOptions(config, { poolSize: 2 }));
  await ds.initialize();
  return {
    ds,
    close: async () => {
      await ds.destroy();
      await drop();
    },
  };
}

type Verb = 'get' | 'post' | 'patch' | 'put' | 'delete' | 'options';
export type ApiClient = Record<Verb, (path: string) => request.Test>;

/** A test user described by more than a role, e.g. `{ role: Role.Support, regionCode: 'Y56' }`. */
export type TestUserSpec = Pick<NewUser, 'role' | 'regionCode'> & { role: Role };

/**
 * Who a test request is made as: a role, a fuller description, or nobody. Each distinct one is one active
 * user per TestContext, made on first use; `Role.Support` alone is support staff of region Y54 (the region
 * is created then if missing, named "Region Y54").
 */
export type As = Role | TestUserSpec | 'anonymous';

export interface TestUser extends CreatedUser {
  accessToken: string;
  refreshToken: string;
}

/**
 * The real API app on a database of its own. `ctx.api(role)` makes requests under the API prefix
 * (paths starting /health, /docs or /admin are left as they are).
 */
export class TestContext {
  private readonly users = new Map<string, Promise<TestUser>>();

  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly db: DataSource,
    readonly factories: Factories,
    private readonly dropDb: () => Promise<void>,
    /** Every route the app serves, as Fastify registered them (see served-routes.ts). */
    readonly servedRoutes: ServedRoute[],
  ) {}

  /** `opts.config` overrides settings (e.g. another Redis); `opts.imports` adds test-only modules. */
  static async create(
    customise?: (builder: TestingModuleBuilder) => TestingModuleBuilder,
    opts: { config?: Partial<AppConfig>; imports?: ModuleMetadata['imports'] } = {},
  ): Promise<TestContext> {
    const { config: base, drop } = await createTestDatabase();
    // Prefixes are reused by spec files that run one after another in the same Jest worker: a context
    // starts with none of its predecessor's keys.
    await clearRedisPrefix(base, base.REDIS_PREFIX);
    const config = Object.assign(base, opts.config);
    let builder = Test.createTestingModule({ imports: [AppModule, ...(opts.imports ?? [])] })
      .overrideProvider(AppConfig)
      .useValue(config);
    if (customise) builder = customise(builder);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(apiAdapter(config), { logger: false });
    const routes = recordRoutes(app);
    await configureApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const db = app.get<DataSource>(getDataSourceToken());
    return new TestContext(app, config, db, new Factories(db, app), drop, routes);
  }

  get clock(): Clock {
    return this.app.get(Clock);
  }

  api(as: As = Role.Admin): ApiClient {
    const server = this.app.getHttpServer();
    const url = (path: string) => (/^\/(health|docs|admin)/.test(path) ? path : `/${API_PREFIX}${path}`);
    const make = (verb: Verb) => (path: string) => this.authorise(request(server)[verb](url(path)), as);
    return {
      get: make('get'),
      post: make('post'),
      patch: make('patch'),
      put: make('put'),
      delete: make('delete'),
      options: make('options'),
    };
  }

  /** The user behind `as` (made on first use), with tokens signed by the app's own JwtService. */
  async user(as: Role | TestUserSpec = Role.Admin): Promise<TestUser> {
    const spec: TestUserSpec =
      typeof as === 'string' ? { role: as, regionCode: as === Role.Support ? 'Y54' : null } : as;
    const key = `${spec.role}:${spec.regionCode ?? '*'}`;
    const cached = this.users.get(key);
    if (cached) {
      const user = await cached;
      // A test may have emptied the tables (TRUNCATE region … CASCADE reaches app_user): then make the user again.
      if (await this.userStillExists(user)) return user;
      if (this.users.get(key) === cached) this.users.delete(key);
    }
    if (!this.users.has(key)) {
      this.users.set(
        key,
        (async () => {
          const user = await this.factories.user({
            ...spec,
            email: `${spec.role}.${spec.regionCode ?? 'all'}@test.invalid`,
          });
          return { ...user, ...(await this.tokensFor(user)) };
        })(),
      );
    }
    return this.users.get(key)!;
  }

  /**
   * The check behind `user`. Asked again once when the connection was dropped under it: a spec that
   * terminates every backend (database-recovery) also kills this pool's idle connection.
   */
  private async userStillExists(user: CreatedUser): Promise<boolean> {
    const ask = async () =>
      (await this.db.query(`SELECT 1 FROM app_user WHERE id = $1 AND email = $2`, [user.id, user.email])).length > 0;
    try {
      return await ask();
    } catch (err) {
      if (!/terminating connection|Connection terminated/i.test(String((err as Error).message))) throw err;
      return ask();
    }
  }

  /** Fresh tokens for any user (e.g. one made with `ctx.factories.user`). */
  tokensFor(user: CreatedUser): Promise<Pick<TokensDto, 'accessToken' | 'refreshToken'>> {
    const auth = this.app.get(AuthService, { strict: false });
    return auth.issueTokens({ ...user, active: true, passwordHash: '' });
  }

  /**
   * Adds the credentials of `as` to a request, unless the test set its own Authorization header. The user
   * may not exist yet, so the header goes on just before the request is sent.
   */
  private authorise(req: request.Test, as: As): request.Test {
    if (as === 'anonymous') return req;
    const send = req.end.bind(req);
    (req as { end: request.Test['end'] }).end = (callback) => {
      this.user(as).then(
        (user) => {
          if (!req.get('Authorization')) req.set('Authorization', `Bearer ${user.accessToken}`);
          send(callback);
        },
        (err) => callback?.(err, undefined as never),
      );
      return req;
    };
    return req;
  }

  /** Closes the app, then removes its Redis keys and its database: nothing of a spec file outlives it. */
  async close(): Promise<void> {
    await this.app.close();
    // Some specs point the app at a Redis that is down by then (outage tests): nothing to clear there.
    await clearRedisPrefix(this.config, this.config.REDIS_PREFIX).catch(() => undefined);
    await this.dropDb();
  }
}

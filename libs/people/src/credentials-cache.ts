import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig, pgClientConfig } from '@app/config';
import type { Credentials } from './people.repository';

/** How long an entry may serve without news; the notices, not this, are what make a change bite at once. */
const TTL_MS = 5_000;
/** Wait before listening again after the listening connection is lost. */
const RETRY_MS = 2_000;
/** Users are counted in hundreds: past this many entries something is wrong, so start afresh. */
const MAX_ENTRIES = 10_000;
export const USER_CHANGE_CHANNEL = 'app_user_changed';

/**
 * The signed-in users' credentials (active flag, role, region, token version) for a few seconds, so an
 * authenticated request does not cost a query of its own (a status write is then one database call,
 * not two). Safe to serve because:
 * - PostgreSQL announces every change to a user row on commit (migration UserChangeNotice), to every
 *   process listening, and an entry is dropped as its notice arrives;
 * - nothing is kept while the listening connection is down (notices sent meanwhile would be missed), and
 *   everything is dropped when it comes back;
 * - this process's own changes are dropped here directly once committed (`forget`), before the request
 *   that made them answers;
 * - a read that began before a change was forgotten is not stored (the epoch moved on meanwhile).
 * It starts listening on first use, so processes that never authenticate (the CLI) open no connection.
 */
@Injectable()
export class CredentialsCache implements OnModuleDestroy {
  private readonly logger = new Logger(CredentialsCache.name);
  private readonly entries = new Map<number, { credentials: Credentials; until: number }>();
  /** Moves on at every forget, so a read that overlapped one does not store what it read. */
  private epoch = 0;
  private listener?: Client;
  private listening = false;
  private started = false;
  private closed = false;
  private retry?: NodeJS.Timeout;

  constructor(private readonly config: AppConfig) {}

  async get(id: number, load: () => Promise<Credentials | undefined>): Promise<Credentials | undefined> {
    if (!this.started) {
      this.started = true;
      void this.listen();
    }
    const hit = this.entries.get(id);
    if (hit && hit.until > Date.now()) return hit.credentials;
    const epoch = this.epoch;
    const credentials = await load();
    if (credentials && this.listening && epoch === this.epoch) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(id, { credentials, until: Date.now() + TTL_MS });
    }
    return credentials;
  }

  /** Call after a change to the user has committed. */
  forget(id: number): void {
    this.epoch++;
    this.entries.delete(id);
  }

  /** Whether entries are being kept (the listening connection is up). */
  get active(): boolean {
    return this.listening;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.listening = false;
    await this.listener?.end().catch(() => undefined);
  }

  private forgetAll(): void {
    this.epoch++;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    // Keep-alive: a connection that died without a word would otherwise look alive (and miss notices) until
    // the entries' own expiry.
    const client = new Client({ ...pgClientConfig(this.config), keepAlive: true });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      this.listening = false;
      this.forgetAll();
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn(
        `Not caching credentials: the connection listening for user changes is down (${err?.message ?? 'closed'}); ` +
          `retrying`,
      );
      this.retry = setTimeout(() => void this.listen(), RETRY_MS);
      this.retry.unref();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (n) => {
      const id = Number(n.payload);
      if (Number.isSafeInteger(id)) this.forget(id);
      else this.forgetAll();
    });
    try {
      await client.connect();
      // eslint-disable-next-line no-restricted-syntax -- LISTEN needs a dedicated pg connection; returns no rows
      await client.query(`LISTEN ${USER_CHANGE_CHANNEL}`);
    } catch (err) {
      onLost(err as Error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    // Changes made before LISTEN took effect were never announced to us: start from nothing.
    this.forgetAll();
    this.listening = true;
  }
}

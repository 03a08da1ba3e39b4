import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '@app/people';
import { DemoRepository } from './demo.repository';

export interface DemoUser {
  role: 'admin' | 'support' | 'manager';
  email: string;
  name: string;
  regionCode: string | null;
  /** Known only to this machine (kept in the credentials file); null when the account predates it. */
  password: string | null;
}

const DEMO_USERS: Omit<DemoUser, 'password'>[] = [
  { role: 'admin', email: 'demo.admin@example.nhs.uk', name: 'Demo Admin', regionCode: null },
  { role: 'support', email: 'demo.support@example.nhs.uk', name: 'Demo Support (North of England)', regionCode: 'Y54' },
  { role: 'manager', email: 'demo.manager@example.nhs.uk', name: 'Demo Manager (North of England)', regionCode: 'Y54' },
];

/**
 * One demo user per role. Passwords are random, made on first run and kept in a git-ignored file of this
 * checkout (`var/demo-users.json`), so every run can print them and none is ever in the repository.
 * Users that exist already are left as they are.
 */
export async function ensureDemoUsers(db: DataSource, credentialsFile: string): Promise<DemoUser[]> {
  const known: Record<string, string> = existsSync(credentialsFile)
    ? (JSON.parse(readFileSync(credentialsFile, 'utf8')) as Record<string, string>)
    : {};
  const hasher = new PasswordHasher();
  const repo = new DemoRepository(db);
  const users: DemoUser[] = [];
  for (const u of DEMO_USERS) {
    if (!(await repo.userExists(u.email))) {
      known[u.email] = randomBytes(12).toString('base64url');
      await repo.insertUser(u, await hasher.hash(known[u.email]));
    }
    users.push({ ...u, password: known[u.email] ?? null });
  }
  mkdirSync(path.dirname(credentialsFile), { recursive: true });
  writeFileSync(credentialsFile, `${JSON.stringify(known, null, 2)}\n`, { mode: 0o600 });
  return users;
}

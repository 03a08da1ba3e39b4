// globalSetup runs outside Jest's module mapper: resolve @app/* through tsconfig paths.
import 'tsconfig-paths/register';
import { adminClient, dropDatabase, TEMPLATE_DB } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (process.env.JEST_SKIP_DB === '1') return;
  const client = await adminClient();
  try {
    await dropDatabase(client, TEMPLATE_DB);
  } finally {
    await client.end();
  }
}

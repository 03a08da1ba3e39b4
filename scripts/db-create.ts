import { ConfigError, loadConfig } from '@app/config';
import { createDatabaseIfMissing, describeDatabase, explainConnectionError } from '@app/database';

/** `npm run db:create`: creates the configured database if it is missing. */
async function main() {
  const config = loadConfig();
  try {
    const created = await createDatabaseIfMissing(config);
    console.log(`${describeDatabase(config)} ${created ? 'created' : 'already exists'}.`);
  } catch (err) {
    console.error(explainConnectionError(err, config, 'postgres'));
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

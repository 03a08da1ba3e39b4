import { ConfigError, loadConfig } from '@app/config';
import { describeDatabase, explainConnectionError, runMigrations } from '@app/database';

/** `npm run migration:run`: applies pending migrations (safe to run from several instances at once). */
async function main() {
  const config = loadConfig();
  try {
    const applied = await runMigrations(config);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${describeDatabase(config)}: ${applied.join(', ')}`
        : `${describeDatabase(config)} is up to date.`,
    );
  } catch (err) {
    console.error(explainConnectionError(err, config));
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

-- The last date whose national figures may be stored: two days before today in the product's zone
-- (docs/figures.md, "Stored figures"). The zone is APP_TIME_ZONE, which every connection the application
-- opens sets as pot.time_zone (libs/config/src/pg-client-config.ts), and which the migrations make the
-- database's default (runMigrations), so a psql session has it too; a session without it fails here
-- rather than guess. now() is the transaction's start, which only makes the rules that read this more careful.
CREATE OR REPLACE FUNCTION stored_figures_last_date() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE current_setting('pot.time_zone'))::date - 2
$$;

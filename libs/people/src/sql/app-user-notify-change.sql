-- Trigger function: tells every API instance (LISTEN app_user_changed) that a user changed, so its
-- credentials cache forgets them (libs/people/src/credentials-cache.ts). Installed by migration UserChangeNotice.
CREATE OR REPLACE FUNCTION app_user_notify_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        -- TRUNCATE has no row: '*' stands for every user.
        PERFORM pg_notify('app_user_changed', CASE WHEN TG_OP = 'TRUNCATE' THEN '*' ELSE OLD.id::text END);
        RETURN NULL;
      END $function$;

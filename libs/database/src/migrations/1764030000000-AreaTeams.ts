import { MigrationInterface, QueryRunner } from 'typeorm';

/** Area teams (the 27 of 2013–2015) between CCGs and regions; a CCG may name its area team. */
export class AreaTeams1764030000000 implements MigrationInterface {
  name = 'AreaTeams1764030000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "area_team" (
      "code" character varying(3) NOT NULL,
      "name" text NOT NULL,
      "region_code" character varying(3) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "area_team_pk" PRIMARY KEY ("code"),
      CONSTRAINT "area_team_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT
        ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "area_team_region_code_idx" ON "area_team" ("region_code")`);
    await q.query(`ALTER TABLE "ccg" ADD "area_team_code" character varying(3)`);
    await q.query(
      `ALTER TABLE "ccg" ADD CONSTRAINT "ccg_area_team_code_fk" FOREIGN KEY ("area_team_code")
         REFERENCES "area_team"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE INDEX "ccg_area_team_code_idx" ON "ccg" ("area_team_code")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ccg_area_team_code_idx"`);
    await q.query(`ALTER TABLE "ccg" DROP CONSTRAINT "ccg_area_team_code_fk"`);
    await q.query(`ALTER TABLE "ccg" DROP COLUMN "area_team_code"`);
    await q.query(`DROP TABLE "area_team"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOINED_LOCK, recordStatusEventSql } from './1764040000000-RecordStatusFunction';

/**
 * `record_status_event` locks the practice row alone, then reads its region. Locked through the join to
 * its CCG, a practice whose CCG another transaction had just changed was not found at all: PostgreSQL
 * re-checks the locked row's join against the old CCG row, the join fails, and the write answered a
 * false 404 (seen with concurrent PATCHes of the CCG and status writes). The second statement takes a
 * fresh snapshot, after the lock is granted, so it sees the committed CCG.
 */
export const ALONE_LOCK = `        PERFORM 1 FROM practice WHERE code = p_code FOR UPDATE;
        IF NOT FOUND THEN RETURN; END IF;
        SELECT p.id, p.code, c.region_code, p.opened_on INTO v_practice
        FROM practice p JOIN ccg c ON c.code = p.ccg_code WHERE p.code = p_code;`;

export class PracticeLockAlone1764110000000 implements MigrationInterface {
  name = 'PracticeLockAlone1764110000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(recordStatusEventSql('CREATE OR REPLACE FUNCTION', ALONE_LOCK));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(recordStatusEventSql('CREATE OR REPLACE FUNCTION', JOINED_LOCK));
  }
}

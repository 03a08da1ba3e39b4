import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectOne, selectRows } from '@app/database';

/**
 * Who receives reminders, read from the users table of the people feature:
 * `app_user(id, email, name, role, region_code, active)`. The only SQL here that touches it, so wiring
 * it to PeopleService later changes this file alone.
 */
@Injectable()
export class RecipientsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  emailOf(userId: number, m: EntityManager = this.db.manager): Promise<{ email: string; name: string } | undefined> {
    return selectOne<{ email: string; name: string }>(
      m,
      `SELECT email, name FROM app_user WHERE id = $1 AND active AND email IS NOT NULL`,
      [userId],
    );
  }

  /** Active managers of each region (DESIGN.md "People": managers read everything, reports included). */
  managersOfRegions(regionCodes: string[]): Promise<{ userId: number; regionCode: string }[]> {
    if (!regionCodes.length) return Promise.resolve([]);
    return selectRows<{ userId: number; regionCode: string }>(
      this.db,
      `SELECT id AS "userId", region_code AS "regionCode" FROM app_user
       WHERE role = 'manager' AND active AND region_code = ANY($1::text[]) ORDER BY id`,
      [regionCodes],
    );
  }
}

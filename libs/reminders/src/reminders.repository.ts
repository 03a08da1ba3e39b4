import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { changedRows, execute, selectCount, selectOne, selectRows } from '@app/database';
import type { ReminderDto } from './reminders.dto';
import { ReminderKind } from './reminders.enums';

export interface NewReminder {
  userId: number;
  kind: ReminderKind;
  /** With userId and kind, what makes this reminder one of a kind (e.g. the digest's date). */
  dedupeKey: string;
  subject: string;
  body: string;
  payload: object;
}

const REMINDER_COLUMNS = `id::int AS id, kind, subject, body, payload, created_at AS "createdAt", read_at AS "readAt",
                            emailed_at AS "emailedAt"`;

/** A reminder as its e-mail job reads it. */
export interface ReminderToEmail {
  userId: number;
  subject: string;
  body: string;
  emailedAt: Date | null;
}

/** All SQL of stored reminders. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts those not stored yet; returns the ids of the new ones only. */
  async insert(m: EntityManager, reminders: NewReminder[]): Promise<number[]> {
    if (!reminders.length) return [];
    const col = <K extends keyof NewReminder>(k: K) => reminders.map((r) => r[k]);
    const rows = await selectRows<{ id: number }>(
      m,
      `INSERT INTO reminder (user_id, kind, dedupe_key, subject, body, payload)
       SELECT * FROM unnest($1::int[], $2::reminder_kind[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
       ON CONFLICT (user_id, kind, dedupe_key) DO NOTHING
       RETURNING id::int AS id`,
      [
        col('userId'),
        col('kind'),
        col('dedupeKey'),
        col('subject'),
        col('body'),
        reminders.map((r) => JSON.stringify(r.payload)),
      ],
    );
    return rows.map((r) => r.id);
  }

  async listForUser(
    userId: number,
    unreadOnly: boolean,
    limit: number,
    offset: number,
  ): Promise<{ items: ReminderDto[]; total: number }> {
    const filter = `WHERE user_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}`;
    const [items, total] = await Promise.all([
      selectRows<ReminderDto>(
        this.db,
        `SELECT ${REMINDER_COLUMNS} FROM reminder ${filter} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      ),
      selectCount(this.db, `SELECT count(*)::int AS n FROM reminder ${filter}`, [userId]),
    ]);
    return { items, total };
  }

  /** Marks one of the user's reminders read (the first time only); undefined when it is not theirs. */
  async markRead(userId: number, id: number): Promise<ReminderDto | undefined> {
    const { rows } = await changedRows<ReminderDto>(
      this.db,
      `UPDATE reminder SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2
       RETURNING ${REMINDER_COLUMNS}`,
      [id, userId],
    );
    return rows[0];
  }

  /** Marks every unread reminder of the user read; how many it marked. */
  async markAllRead(userId: number): Promise<number> {
    const { count } = await changedRows<never>(
      this.db,
      `UPDATE reminder SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return count;
  }

  /** Locks the reminder while its e-mail is sent, so two runs of the same e-mail job send one e-mail. */
  lockForEmail(m: EntityManager, id: number): Promise<ReminderToEmail | undefined> {
    return selectOne<ReminderToEmail>(
      m,
      `SELECT user_id AS "userId", subject, body, emailed_at AS "emailedAt" FROM reminder WHERE id = $1 FOR UPDATE`,
      [id],
    );
  }

  async markEmailed(m: EntityManager, id: number): Promise<void> {
    await execute(m, `UPDATE reminder SET emailed_at = now() WHERE id = $1`, [id]);
  }
}

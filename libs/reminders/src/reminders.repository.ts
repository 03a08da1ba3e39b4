import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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

/** All SQL of stored reminders. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts those not stored yet; returns the ids of the new ones only. */
  async insert(m: EntityManager, reminders: NewReminder[]): Promise<number[]> {
    if (!reminders.length) return [];
    const col = <K extends keyof NewReminder>(k: K) => reminders.map((r) => r[k]);
    const rows: { id: number }[] = await m.query(
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
    const [items, count] = await Promise.all([
      this.db.query<ReminderDto[]>(
        `SELECT ${REMINDER_COLUMNS} FROM reminder ${filter} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [userId, limit, offset],
      ),
      this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM reminder ${filter}`, [userId]),
    ]);
    return { items, total: count[0].n };
  }

  /** Marks one of the user's reminders read (the first time only); undefined when it is not theirs. */
  async markRead(userId: number, id: number): Promise<ReminderDto | undefined> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await this.db.query<[ReminderDto[], number]>(
      `UPDATE reminder SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2
       RETURNING ${REMINDER_COLUMNS}`,
      [id, userId],
    );
    return rows[0];
  }

  /** Marks every unread reminder of the user read; how many it marked. */
  async markAllRead(userId: number): Promise<number> {
    const [, affected] = await this.db.query<[unknown[], number]>(
      `UPDATE reminder SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return affected;
  }

  /** Locks the reminder while its e-mail is sent, so two runs of the same e-mail job send one e-mail. */
  async lockForEmail(
    m: EntityManager,
    id: number,
  ): Promise<{ userId: number; subject: string; body: string; emailedAt: Date | null } | undefined> {
    const rows = await m.query<{ userId: number; subject: string; body: string; emailedAt: Date | null }[]>(
      `SELECT user_id AS "userId", subject, body, emailed_at AS "emailedAt" FROM reminder WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async markEmailed(m: EntityManager, id: number): Promise<void> {
    await m.query(`UPDATE reminder SET emailed_at = now() WHERE id = $1`, [id]);
  }
}

import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { AnyImportRecord } from '../parsers';

/**
 * Streams parsed records into the run's staging table with COPY (text format), one write per parser
 * batch, waiting for the socket when PostgreSQL is slower than the parser: memory stays flat.
 *
 * Every record type shares one wide staging table, so a file that yields two types (POMI long with list
 * sizes) still needs only one COPY. Codes, dates and enum words come validated from the parsers and
 * never need escaping; free text does.
 */
export const STAGE_COLUMNS =
  'row_no, kind, code, name, postcode, region_code, ccg_code, opened_on, closed_on, status, effective_date, ' +
  'patients, service, level, note, supplier, region_name';

const N = '\\N';
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value for COPY's text format. */
function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return N;
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

const opt = (value: string | null | undefined) => value ?? N;

/** One COPY line for a record (columns as STAGE_COLUMNS). */
export function stageLine(row: number, r: AnyImportRecord): string {
  switch (r.type) {
    case 'practice':
      return (
        `${row}\tpractice\t${r.code}\t${text(r.name)}\t${text(r.postcode)}\t${r.regionCode}\t${r.ccgCode}\t` +
        `${opt(r.openedOn)}\t${opt(r.closedOn)}\t${r.status}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\n`
      );
    case 'list-size':
      return (
        `${row}\tlist-size\t${r.practiceCode}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${r.effectiveDate}\t` +
        `${r.patients}\t${N}\t${N}\t${N}\t${N}\t${N}\n`
      );
    case 'status':
      return (
        `${row}\tstatus\t${r.practiceCode}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${r.effectiveDate}\t${N}\t` +
        `${r.service}\t${r.level}\t${text(r.note)}\t${opt(r.supplier)}\t${N}\n`
      );
    case 'region':
      return (
        `${row}\tregion\t${r.code}\t${text(r.name)}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t` +
        `${N}\t${N}\t${N}\t${N}\n`
      );
    case 'ccg':
      return (
        `${row}\tccg\t${r.code}\t${text(r.name)}\t${N}\t${r.regionCode}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t` +
        `${N}\t${N}\t${N}\t${N}\t${N}\n`
      );
    case 'ons-ccg-code':
      return (
        `${row}\tons-ccg-code\t${r.ccgOnsCode}\t${text(r.ccgName)}\t${N}\t${N}\t${r.ccgCode}\t${N}\t${N}\t${N}\t` +
        `${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\n`
      );
    case 'ons-ccg-lookup':
      return (
        `${row}\tons-ccg-lookup\t${r.ccgOnsCode}\t${text(r.ccgName)}\t${N}\t${opt(r.regionCode)}\t${N}\t${N}\t` +
        `${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${N}\t${text(r.regionName)}\n`
      );
  }
}

export class StageWriter {
  private lines: string[] = [];
  private readonly copy;
  private readonly done: Promise<void>;
  /** What ended the COPY early: the server's error, or the connection's (terminated, restarted). */
  private failure?: Error;
  /** Records written so far. */
  count = 0;

  constructor(client: PoolClient) {
    // eslint-disable-next-line no-restricted-syntax -- COPY needs the raw pg connection; pg types it as the stream
    this.copy = client.query(copyFrom(`COPY import_stage (${STAGE_COLUMNS}) FROM STDIN`));
    // pg hands the COPY its error and then detaches it from the connection: a later write would fail
    // with "Cannot read properties of null (reading 'stream')", hiding the error (a 57P01, say) that
    // tells the import to retry. So the first error is kept and every later call reports it.
    this.copy.on('error', (err: Error) => (this.failure ??= err));
    this.done = finished(this.copy);
    // Reported by `end()` / `flush()`; never an unhandled rejection in between.
    this.done.catch(() => undefined);
  }

  add(row: number, record: AnyImportRecord): void {
    this.lines.push(stageLine(row, record));
    this.count++;
  }

  /** Sends what was added since the last flush; waits while the connection's buffer is full. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.lines.length) return;
    const chunk = this.lines.join('');
    this.lines = [];
    if (!this.copy.write(chunk)) await Promise.race([once(this.copy, 'drain'), this.done]);
  }

  async end(): Promise<void> {
    await this.flush();
    if (this.failure) throw this.failure;
    this.copy.end();
    await this.done;
  }

  /** Cancels the COPY (PostgreSQL rolls it back) so the connection can run the transaction's ROLLBACK. */
  async abort(reason: Error): Promise<void> {
    if (this.failure || this.copy.destroyed || this.copy.writableFinished) return;
    this.copy.destroy(reason);
    await this.done.catch(() => undefined);
  }
}

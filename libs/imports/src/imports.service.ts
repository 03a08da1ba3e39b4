import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock, InvalidInputError, NotFoundError } from '@app/domain';
import { Page, PageQuery } from '@app/http';
import { JobName, Outbox } from '@app/jobs';
import { ImportFileStore, StoredFile } from './import-file.store';
import type { ImportOptions } from './import-run.types';
import { ImportRunner } from './import-runner.service';
import { ImportRunsRepository } from './import-runs.repository';
import { CreateImportDto, ImportProblemDto, ImportRunDto, ListImportsQuery, toImportRunDto } from './imports.dto';
import { problemsCsv } from './problems-csv';
import { listSizeEffectiveDateFromFileName } from './parsers';

/** A file already in IMPORT_DIR (an upload), with the name the sender gave it. */
export interface ReceivedFile {
  originalName: string;
  stored: StoredFile;
}

/** Import runs: created from an upload or by the CLI, queued for the worker, read back with their outcome. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runs: ImportRunsRepository,
    private readonly files: ImportFileStore,
    private readonly outbox: Outbox,
    private readonly runner: ImportRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a run for a received file and asks for its job: the run row and the outbox row commit together
   * (the worker's relay adds the job), so an accepted upload is never lost, whether or not Redis or a worker
   * is up. Bad options are a 400 naming the field, and the file is removed.
   */
  async create(
    file: ReceivedFile | undefined,
    dto: CreateImportDto,
    createdBy: number | null = null,
  ): Promise<ImportRunDto> {
    if (!file) throw new InvalidInputError('file', 'file is missing: send the file as the multipart field "file"');
    let id: number;
    try {
      const options = this.checkOptions(dto, file.originalName);
      id = await this.db.transaction(async (m) => {
        const runId = await this.runs.insert(m, {
          format: dto.kind,
          fileName: file.originalName.slice(0, 255),
          fileSize: file.stored.size,
          fileSha256: file.stored.sha256,
          rowsTotal: file.stored.lines,
          storedFile: file.stored.name,
          options,
          createdBy,
        });
        await this.outbox.add(m, JobName.Import, { runId });
        return runId;
      });
    } catch (err) {
      await this.files.remove(file.stored.name);
      throw err;
    }
    return this.get(id);
  }

  /** The CLI's way in: copies a local file into IMPORT_DIR, then as `create`. */
  async createFromPath(path: string, dto: CreateImportDto, userId: number | null = null): Promise<ImportRunDto> {
    // The API records the signed-in user; the CLI's --user is a number typed by hand, so it is checked.
    if (userId !== null && !(await this.runs.isActiveUser(userId))) {
      throw new InvalidInputError('user', `--user ${userId} is not an active user (see GET /api/v1/users)`);
    }
    const stored = await this.files.copyIn(path);
    return this.create({ originalName: basename(path), stored }, dto, userId);
  }

  async get(id: number): Promise<ImportRunDto> {
    const row = await this.runs.find(id);
    if (!row) throw new NotFoundError(`No import run ${id}`);
    return toImportRunDto(row);
  }

  /** A page of a run's stored problems, in row order (the table of the admin screen). */
  async problems(id: number, q: PageQuery): Promise<Page<ImportProblemDto>> {
    const found = await this.runs.problems(id, q.page, q.pageSize);
    if (!found) throw new NotFoundError(`No import run ${id}`);
    return { items: found.rows, total: found.stored, page: q.page, pageSize: q.pageSize };
  }

  /** Every stored problem of a run as CSV (row, column, value, reason), to fix the file from. */
  async problemsCsv(id: number): Promise<string> {
    const run = await this.get(id);
    return problemsCsv(run.problems ?? []);
  }

  async list(q: ListImportsQuery): Promise<Page<ImportRunDto>> {
    const { rows, total } = await this.runs.list({
      state: q.state,
      format: q.kind,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: rows.map(toImportRunDto), total, page: q.page, pageSize: q.pageSize };
  }

  /** Runs the import now, in this process (the worker's job; also `cli import --in-process`). */
  process(runId: number, opts: { lastAttempt?: boolean } = {}) {
    return this.runner.process(runId, opts);
  }

  /** The run's job failed for good (see ImportRunner.giveUp). */
  giveUp(runId: number, err: Error): Promise<void> {
    return this.runner.giveUp(runId, err);
  }

  /** The options a format takes; what a format does not use is refused rather than silently ignored. */
  private checkOptions(dto: CreateImportDto, fileName: string): ImportOptions {
    const only = (field: keyof CreateImportDto, format: string) => {
      if (dto[field] !== undefined && dto.kind !== format)
        throw new InvalidInputError(field, `${field} applies to ${format} files only`);
    };
    only('effectiveDate', 'list-size-quarterly');
    only('service', 'pomi-wide');
    only('includeListSizes', 'pomi-long');
    const options: ImportOptions = { partial: dto.partial ?? false };
    if (dto.encoding) options.encoding = dto.encoding;
    if (dto.includeListSizes !== undefined) options.includeListSizes = dto.includeListSizes;
    if (dto.kind === 'pomi-wide') {
      if (!dto.service)
        throw new InvalidInputError('service', 'service is required for pomi-wide files (one file per service)');
      options.service = dto.service;
    }
    if (dto.kind === 'list-size-quarterly') {
      const date = dto.effectiveDate ?? listSizeEffectiveDateFromFileName(fileName);
      if (!date) {
        throw new InvalidInputError(
          'effectiveDate',
          'effectiveDate is required for list-size-quarterly files (they carry no date; e.g. 2013-04-01 for ' +
            'April–June 2013)',
        );
      }
      const today = this.clock.today();
      if (date > today)
        throw new InvalidInputError('effectiveDate', `effectiveDate ${date} is in the future (today is ${today})`);
      options.effectiveDate = date;
    }
    return options;
  }
}

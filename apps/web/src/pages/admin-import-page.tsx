import { useState } from 'react';
import { Button, SummaryList } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import { dateTime, isPracticeCode } from '../admin/formats';
import { count } from '../common/formats';
import { PracticeLink } from '../common/practice-link';
import {
  downloadProblems,
  type ImportRun,
  isRunning,
  kindName,
  useImportProblems,
  useImportRun,
} from '../admin/imports';
import { Pagination, usePageParam } from '../common/pagination';
import { RunState } from '../admin/run-state';
import { ApiErrorSummary, Loading } from '../layout/status';
import { useTitle } from '../layout/use-title';
import '../admin/admin.css';

/** One import: its progress while the worker runs it (asked every second), then its outcome and problems. */
export function AdminImportPage() {
  const id = Number(useParams().id);
  const run = useImportRun(id);
  useTitle(`Import ${id}`, run.isError);
  if (run.isError)
    return <ApiErrorSummary title="The import cannot be shown" error={run.error} retry={() => void run.refetch()} />;
  if (!run.data) return <Loading what="the import" />;
  const r = run.data;
  return (
    <>
      <h1 className="nhsuk-heading-xl">
        <span className="nhsuk-caption-l">Import {r.id}</span>
        {r.fileName}
      </h1>
      <RunProgress run={r} />
      {!isRunning(r) && r.message && (
        <div className={`nhsuk-inset-text${r.state === 'succeeded' ? '' : ' app-inset-text--problem'}`}>
          <p>{r.message}</p>
        </div>
      )}
      <SummaryList>
        <SummaryList.Row>
          <SummaryList.Key>Outcome</SummaryList.Key>
          <SummaryList.Value>
            <RunState state={r.state} />
          </SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Kind</SummaryList.Key>
          <SummaryList.Value>{kindName(r.kind)}</SummaryList.Value>
        </SummaryList.Row>
        <SummaryList.Row>
          <SummaryList.Key>Rows with problems</SummaryList.Key>
          <SummaryList.Value>
            {(r.options as Record<string, unknown>).partial === true
              ? 'Partial: left out, the others imported'
              : 'Strict: any problem rejects the file'}
          </SummaryList.Value>
        </SummaryList.Row>
        {!isRunning(r) && (
          <>
            <SummaryList.Row>
              <SummaryList.Key>Data rows read</SummaryList.Key>
              <SummaryList.Value>{count(r.rowsRead)}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Rows accepted</SummaryList.Key>
              <SummaryList.Value>{count(r.rowsAccepted)}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Rows refused</SummaryList.Key>
              <SummaryList.Value>{count(r.rowsRejected)}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Rows left out on purpose</SummaryList.Key>
              <SummaryList.Value>{count(r.rowsSkipped)}</SummaryList.Value>
            </SummaryList.Row>
          </>
        )}
        <SummaryList.Row>
          <SummaryList.Key>Uploaded</SummaryList.Key>
          <SummaryList.Value>{dateTime(r.createdAt)}</SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      {!isRunning(r) && r.problemCount > 0 && <Problems run={r} />}
      <p className="nhsuk-body">
        <Link to="/admin/imports">Back to imports</Link>
      </p>
    </>
  );
}

/**
 * The bar: the API's progress (0–100, reading the file then checking and writing it) as a native progress
 * element, and the rows as the API counts them ("n of m rows": lines of the file gone through).
 */
function RunProgress({ run }: { run: ImportRun }) {
  const rows = run.rowsTotal === null ? null : `${count(run.rowsDone)} of ${count(run.rowsTotal)} rows`;
  const phase = run.state === 'queued' ? 'Waiting for the worker' : run.state === 'running' ? 'Importing' : 'Finished';
  return (
    <div className="nhsuk-form-group app-import-progress">
      <label className="nhsuk-label nhsuk-label--s" htmlFor="import-progress">
        Progress
      </label>
      <progress
        id="import-progress"
        className="app-progress"
        max={100}
        value={run.progress}
        aria-valuetext={`${run.progress}%${rows ? `, ${rows}` : ''}`}
      >
        {run.progress}%
      </progress>
      <p className="nhsuk-body" aria-live="polite">
        {phase}: {run.progress}%{rows ? `, ${rows}` : ''}
      </p>
    </div>
  );
}

/** The stored problems a page at a time (the page in the URL), and all of them as the API's CSV. */
function Problems({ run }: { run: ImportRun }) {
  const page = usePageParam();
  const problems = useImportProblems(run.id, page, true);
  const [downloadError, setDownloadError] = useState<Error | undefined>();
  const stored = problems.data?.total;
  return (
    <section aria-labelledby="problems-heading">
      <h2 className="nhsuk-heading-m" id="problems-heading">
        Problems
      </h2>
      {stored !== undefined && stored < run.problemCount && (
        <p className="nhsuk-body">
          {count(run.problemCount)} problems were found; the first {count(stored)} by row are kept.
        </p>
      )}
      <Button
        type="button"
        secondary
        onClick={() => {
          setDownloadError(undefined);
          downloadProblems(run.id).catch((err: Error) => setDownloadError(err));
        }}
      >
        Download the problems (CSV)
      </Button>
      {downloadError && <ApiErrorSummary title="The problems could not be downloaded" error={downloadError} />}
      {problems.isError && (
        <ApiErrorSummary
          title="The problems cannot be shown"
          error={problems.error}
          retry={() => void problems.refetch()}
        />
      )}
      {problems.isPending && <Loading what="the problems" />}
      {problems.data && (
        <>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">
              Problems of import {run.id}, page {problems.data.page}
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col" className="nhsuk-table__header--numeric">
                  Row
                </th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {problems.data.items.map((p, i) => (
                <tr key={`${p.row}-${i}`}>
                  <td className="nhsuk-table__cell--numeric">{p.row === 0 ? 'The whole file' : count(p.row)}</td>
                  <td>{p.column ?? ''}</td>
                  <td>{isPracticeCode(p.value) ? <PracticeLink code={p.value} name={p.value} /> : (p.value ?? '')}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination
            total={problems.data.total}
            page={problems.data.page}
            pageSize={problems.data.pageSize}
            label="Pages of problems"
            around={2}
          />
        </>
      )}
    </section>
  );
}

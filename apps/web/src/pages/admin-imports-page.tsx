import { type FormEvent, useState } from 'react';
import { Button, Radios, Select } from 'nhsuk-react-components';
import { Link, useNavigate } from 'react-router';
import { addProblem, type FormProblems, noProblems, problemsFromApi } from '../admin/form-problems';
import { FieldError, FormErrorSummary } from '../common/error-summary';
import { dateTime } from '../admin/formats';
import { count } from '../common/formats';
import { type ImportKind, KINDS, kindName, useImportRuns, useUpload } from '../admin/imports';
import { Pagination, usePageParam } from '../common/pagination';
import { RunState } from '../admin/run-state';
import { ApiErrorSummary, Loading } from '../layout/status';
import { SERVICES } from '../common/words';
import { useTitle } from '../layout/use-title';
import { TableScroll } from '../common/table-scroll';

const FIELDS = { file: 'file', kind: 'kind', partial: 'partial', service: 'service' };

/** Upload a file to import (then its run's page follows it), and the runs so far, newest first. */
export function AdminImportsPage() {
  const [problems, setProblems] = useState<FormProblems>(noProblems());
  const [kind, setKind] = useState<ImportKind | ''>('');
  const upload = useUpload();
  const navigate = useNavigate();
  useTitle('Imports', problems.summary.length > 0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const mode = form.get('partial');
    const service = form.get('service');
    const found = noProblems();
    if (!(file instanceof File) || !file.name) addProblem(found, 'file', 'Choose the file to import');
    if (!kind) addProblem(found, 'kind', 'Choose what the file is');
    if (kind === 'pomi-wide' && !service) addProblem(found, 'service', 'Choose the service the file is about');
    if (mode !== 'true' && mode !== 'false') addProblem(found, 'partial', 'Choose what to do with rows with problems');
    if (found.summary.length || !(file instanceof File) || !kind) return setProblems(found);
    try {
      const run = await upload.mutateAsync({
        file,
        kind,
        partial: mode === 'true',
        service: kind === 'pomi-wide' && typeof service === 'string' ? service : undefined,
      });
      await navigate(`/admin/imports/${run.id}`);
    } catch (err) {
      setProblems(problemsFromApi(err, FIELDS, 'file'));
    }
  };

  return (
    <>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary lines={problems.summary} />
          <h1 className="nhsuk-heading-xl">
            <span className="nhsuk-caption-l">Admin</span>
            Imports
          </h1>
          <h2 className="nhsuk-heading-m">Import a file</h2>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <div className={`nhsuk-form-group${problems.byField.file ? ' nhsuk-form-group--error' : ''}`}>
              <label className="nhsuk-label" htmlFor="file">
                File
              </label>
              <div className="nhsuk-hint" id="file-hint">
                A CSV file as the NHS publishes it, at most 250 MB
              </div>
              <FieldError id="file-error" message={problems.byField.file} />
              <input
                className="nhsuk-file-upload"
                id="file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                aria-describedby={`file-hint${problems.byField.file ? ' file-error' : ''}`}
              />
            </div>
            <Select
              id="kind"
              name="kind"
              label="What the file is"
              value={kind}
              onChange={(e) => setKind(e.target.value as ImportKind | '')}
              error={problems.byField.kind}
            >
              <Select.Option value="">Choose a kind of file</Select.Option>
              {KINDS.map((k) => (
                <Select.Option key={k.value} value={k.value}>
                  {k.text}
                </Select.Option>
              ))}
            </Select>
            {kind === 'pomi-wide' && (
              <Select id="service" name="service" label="Service the file is about" error={problems.byField.service}>
                <Select.Option value="">Choose a service</Select.Option>
                {SERVICES.map((s) => (
                  <Select.Option key={s.key} value={s.key}>
                    {s.name}
                  </Select.Option>
                ))}
              </Select>
            )}
            <Radios
              id="partial"
              name="partial"
              legend="Rows with problems"
              legendProps={{ size: 's' }}
              error={problems.byField.partial}
            >
              <Radios.Item value="false" defaultChecked hint="Any problem rejects the whole file: nothing is written">
                Strict: import nothing if any row has a problem
              </Radios.Item>
              <Radios.Item value="true" hint="The other rows are imported; the refused ones are listed">
                Partial: leave out the rows with problems
              </Radios.Item>
            </Radios>
            <Button type="submit" disabled={upload.isPending}>
              {upload.isPending ? 'Uploading…' : 'Upload and import'}
            </Button>
          </form>
        </div>
      </div>
      <PastRuns />
    </>
  );
}

function PastRuns() {
  const page = usePageParam();
  const runs = useImportRuns(page);
  return (
    <>
      <h2 className="nhsuk-heading-m">Past imports</h2>
      {runs.isError && (
        <ApiErrorSummary title="The imports cannot be shown" error={runs.error} retry={() => void runs.refetch()} />
      )}
      {runs.isPending && <Loading what="the imports" />}
      {runs.data && runs.data.total === 0 && <p className="nhsuk-body">No file has been imported yet.</p>}
      {runs.data && runs.data.total > 0 && (
        <>
          <TableScroll label="Imports table">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--m">
                Imports, newest first ({count(runs.data.total)}), page {runs.data.page}
              </caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Import</th>
                  <th scope="col">File</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Outcome</th>
                  <th scope="col" className="nhsuk-table__header--numeric">
                    Rows accepted
                  </th>
                  <th scope="col" className="nhsuk-table__header--numeric">
                    Rows refused
                  </th>
                  <th scope="col">Uploaded</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {runs.data.items.map((run) => (
                  <tr key={run.id}>
                    <th scope="row">
                      <Link to={`/admin/imports/${run.id}`}>Import {run.id}</Link>
                    </th>
                    <td>{run.fileName}</td>
                    <td>{kindName(run.kind)}</td>
                    <td>
                      <RunState state={run.state} />
                    </td>
                    <td className="nhsuk-table__cell--numeric">{count(run.rowsAccepted)}</td>
                    <td className="nhsuk-table__cell--numeric">{count(run.rowsRejected)}</td>
                    <td>{dateTime(run.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination
            total={runs.data.total}
            page={runs.data.page}
            pageSize={runs.data.pageSize}
            label="Pages of imports"
            around={2}
          />
        </>
      )}
    </>
  );
}

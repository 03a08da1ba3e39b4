import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { components } from '../api/schema';
import { PracticeLink } from '../common/practice-link';
import { api, dataOr } from '../api/client';
import { TableScroll } from '../common/table-scroll';
import { ApiErrorSummary, Loading } from '../layout/status';
import { LEVELS, type Service, SERVICES, serviceInSentence } from '../common/words';
import { pageCount, parsePage } from '../common/page-numbers';
import { Pagination } from '../common/pagination';
import { count, longDate } from '../common/formats';

type Practice = components['schemas']['PracticeDto'];

/** This panel's URL parameters: the service (`?notOffering=records`) and the page of the list. */
export const SERVICE_PARAM = 'notOffering';
export const PAGE_PARAM = 'notOfferingPage';
/** Practices to a page: enough to see the largest lists at once, few enough to read them. */
export const PAGE_SIZE = 20;

const isService = (value: string | null): value is Service => SERVICES.some((s) => s.key === value);

interface NotOfferingProps {
  /** A region's ODS code; England when absent (and no CCG). */
  regionCode?: string;
  /** A CCG's ODS code: only its practices. */
  ccgCode?: string;
  /** The area's name, as the page's heading gives it. */
  areaName: string;
}

/**
 * The practices of the area open today that do not offer a chosen service, largest list first
 * (GET /practices?offering=false&open=true&sort=listSize&order=desc), a page at a time. The API lists
 * today's levels: the dashboard's date does not apply here, and the text says so.
 */
export function NotOffering({ regionCode, ccgCode, areaName }: NotOfferingProps) {
  const [params, setParams] = useSearchParams();
  const chosen = params.get(SERVICE_PARAM);
  const service = SERVICES.find((s) => s.key === (isService(chosen) ? chosen : SERVICES[0].key))!;
  const page = parsePage(params.get(PAGE_PARAM));
  const area = [regionCode ?? null, ccgCode ?? null, service.key];

  const practices = useQuery({
    queryKey: ['not-offering', ...area, page],
    queryFn: async () =>
      dataOr(
        await api.GET('/api/v1/practices', {
          params: {
            query: {
              regionCode,
              ccgCode,
              service: service.key,
              offering: false,
              open: true,
              sort: 'listSize',
              order: 'desc',
              page,
              pageSize: PAGE_SIZE,
            },
          },
        }),
      ),
    // Another page of the same list keeps the last one (and the focused pagination link) until it comes.
    placeholderData: (previous, query) =>
      query && area.every((v, i) => query.queryKey[i + 1] === v) ? keepPreviousData(previous) : undefined,
  });

  /** The URL with this panel's parameters changed: a new service starts at page 1. */
  const linkTo = (changes: { service?: Service; page?: number }) => {
    const next = new URLSearchParams(params);
    if (changes.service) next.set(SERVICE_PARAM, changes.service);
    if (changes.page && changes.page > 1) next.set(PAGE_PARAM, String(changes.page));
    else next.delete(PAGE_PARAM);
    return `?${next.toString()}`;
  };

  return (
    // Not a labelled region: its name would be one more match for other controls' labels.
    <section>
      <h2 className="nhsuk-heading-l">Practices not offering a service</h2>
      <p className="nhsuk-body">
        The practices in {areaName} open today that do not offer the chosen service, largest patient list first, with
        their level as POMI codes it (0 not capable, 1 capable but not enabled). These are today&apos;s levels, whatever
        the date chosen above.
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="not-offering-service">
          Practices not offering
        </label>
        <select
          className="nhsuk-select"
          id="not-offering-service"
          name={SERVICE_PARAM}
          value={service.key}
          onChange={(event) => setParams(new URLSearchParams(linkTo({ service: event.target.value as Service })))}
        >
          {SERVICES.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {practices.isPending && <Loading what="the practices" />}
      {practices.isError && (
        <ApiErrorSummary
          title="The practices could not be loaded"
          error={practices.error}
          retry={() => void practices.refetch()}
        />
      )}
      {practices.data && (
        <PracticeList
          list={practices.data}
          serviceKey={service.key}
          caption={`Practices in ${areaName} not offering ${serviceInSentence(service.key)} today, largest list first`}
          loading={practices.isPlaceholderData}
          linkTo={(n) => linkTo({ page: n })}
        />
      )}
    </section>
  );
}

interface PracticeListProps {
  list: components['schemas']['PracticePageDto'];
  serviceKey: Service;
  caption: string;
  /** The list shown is the last page's, while the next one loads. */
  loading: boolean;
  linkTo: (page: number) => string;
}

function PracticeList({ list, serviceKey, caption, loading, linkTo }: PracticeListProps) {
  const pages = pageCount(list.total, list.pageSize);
  if (list.total === 0) return <p className="nhsuk-body">No practice open today in this area: every one offers it.</p>;
  if (list.items.length === 0)
    return (
      <p className="nhsuk-body">
        There is no page {list.page}: the list has {pages === 1 ? '1 page' : `${pages} pages`}.{' '}
        <Link to={linkTo(1)}>Go to the first page</Link>
      </p>
    );
  return (
    <>
      {loading && <Loading what="the next page" />}
      <TableScroll label="Practices not offering table">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">
            {caption} ({count(list.total)} {list.total === 1 ? 'practice' : 'practices'}
            {pages > 1 && `, page ${list.page} of ${pages}`})
          </caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col" className="nhsuk-table__header">
                ODS code
              </th>
              <th scope="col" className="nhsuk-table__header">
                Practice
              </th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                Patients on the list
              </th>
              <th scope="col" className="nhsuk-table__header">
                Level today (POMI code)
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {list.items.map((practice) => (
              <PracticeRow key={practice.code} practice={practice} serviceKey={serviceKey} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination
        total={list.total}
        page={list.page}
        pageSize={list.pageSize}
        hrefOf={linkTo}
        label="Pages of the list"
      />
    </>
  );
}

function PracticeRow({ practice, serviceKey }: { practice: Practice; serviceKey: Service }) {
  const current = practice.services[serviceKey];
  const level = LEVELS[current.level];
  return (
    <tr className="nhsuk-table__row">
      <td className="nhsuk-table__cell">{practice.code}</td>
      <th scope="row" className="nhsuk-table__header">
        <PracticeLink code={practice.code} name={practice.name} />
      </th>
      <td className="nhsuk-table__cell nhsuk-table__cell--numeric">
        {practice.listSize ? count(practice.listSize.patients) : 'Not known'}
      </td>
      <td className="nhsuk-table__cell">
        <strong className={`nhsuk-tag nhsuk-tag--${level.colour}`}>{level.words}</strong>{' '}
        {level.code !== null && `(${level.code})`}
        {current.effectiveDate && <span className="nhsuk-body-s"> since {longDate(current.effectiveDate)}</span>}
      </td>
    </tr>
  );
}

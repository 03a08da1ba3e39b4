import { type FormEvent, useState } from 'react';
import { Button } from 'nhsuk-react-components';
import { useRegions } from '../dashboard/area-select';
import { DUE_OPTIONS, type Filters, SERVICE_OPTIONS, STATE_OPTIONS } from './filters';
import { SelectField } from './fields';

interface Props {
  value: Filters;
  /** Whether "My follow-ups" is offered (managers own none). */
  ownsFollowUps: boolean;
  onApply: (filters: Filters) => void;
}

/**
 * The list's filters as selects, applied with the button (a choice does not move the page while a keyboard
 * or screen reader user is still choosing). The parent keys it by the address, so Back refills it.
 */
export function FiltersForm({ value, ownsFollowUps, onApply }: Props) {
  const regions = useRegions();
  const [draft, setDraft] = useState(value);
  const set = <K extends keyof Filters>(key: K, v: Filters[K]) => setDraft((d) => ({ ...d, [key]: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, page: 1 });
  };

  return (
    <form noValidate onSubmit={submit} className="app-follow-up-filters" aria-label="Filter follow-ups">
      <div className="nhsuk-grid-row">
        {ownsFollowUps && (
          <FilterSelect
            id="filter-owner"
            label="Whose"
            value={draft.owner}
            onChange={(v) => set('owner', v as Filters['owner'])}
            options={[
              ['mine', 'My follow-ups'],
              ['all', 'Everyone’s'],
            ]}
          />
        )}
        <FilterSelect
          id="filter-region"
          label="Region"
          value={draft.region ?? ''}
          onChange={(v) => set('region', v || undefined)}
          options={[
            ['', 'All regions'],
            ...(draft.region && !regions.data?.some((r) => r.code === draft.region)
              ? [[draft.region, draft.region] as [string, string]]
              : []),
            ...(regions.data ?? []).map((r): [string, string] => [r.code, r.name]),
          ]}
        />
        <FilterSelect
          id="filter-state"
          label="State"
          value={draft.state}
          onChange={(v) => set('state', v as Filters['state'])}
          options={STATE_OPTIONS}
        />
        <FilterSelect
          id="filter-due"
          label="Due"
          value={draft.due ?? ''}
          onChange={(v) => set('due', (v || undefined) as Filters['due'])}
          options={[['', 'Any due date'], ...DUE_OPTIONS]}
        />
        <FilterSelect
          id="filter-not-offered"
          label="Service not offered"
          value={draft.notOffered ?? ''}
          onChange={(v) => set('notOffered', (v || undefined) as Filters['notOffered'])}
          options={[['', 'Any service'], ...SERVICE_OPTIONS]}
        />
      </div>
      <Button type="submit" secondary>
        Apply filters
      </Button>
    </form>
  );
}

/** A filter: the follow-ups' select, a third of the row wide. */
function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
}) {
  return (
    <div className="nhsuk-grid-column-one-third">
      <SelectField {...props} className="app-select-full" />
    </div>
  );
}

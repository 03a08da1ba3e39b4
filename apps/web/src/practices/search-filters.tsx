import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from 'nhsuk-react-components';
import { useRegions } from '../dashboard/area-select';
import { DEFAULT_SORT, readListState, SERVICE_LEVELS, SORTS, type ListState } from './list-state';
import { useCcgs } from './queries';
import { CLINICAL_SYSTEMS } from '../common/words';

/** How long typing must pause before the search is sent: one request per word, not per letter. */
export const SEARCH_DEBOUNCE_MS = 300;

interface Props {
  state: ListState;
  /** A new state for the list (page back to 1); `typing` when it comes from the search box's pause. */
  onChange: (next: ListState, typing?: boolean) => void;
}

/**
 * The search box (sent after a pause in typing, or at once with Enter or the button) and the filters and
 * sort (each applied when chosen: the results below change, the page does not).
 */
export function SearchFilters({ state, onChange }: Props) {
  const [text, setText] = useState(state.q);
  const [shownQ, setShownQ] = useState(state.q);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // The search is sent after the pause with the filters as they are then, not as they were at the keystroke.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  // Back, Forward or a pasted link changed the search: the box follows the URL.
  if (state.q !== shownQ) {
    setShownQ(state.q);
    if (text.trim() !== state.q) setText(state.q);
  }

  // From the address as it is now, not as last rendered: two choices in a row (the second made before the page
  // has drawn the first) must both stay.
  const apply = (patch: Partial<ListState>) =>
    onChange({ ...readListState(new URLSearchParams(window.location.search)), ...patch, page: 1 });
  const type = (value: string) => {
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const now = latest.current;
      if (value.trim() !== now.q) onChange({ ...now, q: value.trim(), page: 1 }, true);
    }, SEARCH_DEBOUNCE_MS);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    window.clearTimeout(timer.current);
    if (text.trim() !== state.q) apply({ q: text.trim() });
  };

  const regions = useRegions();
  const ccgs = useCcgs(state.regionCode || undefined);

  return (
    <form className="app-practice-search" role="search" aria-label="Practices" onSubmit={submit} noValidate>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor="practice-search">
          Search by code, name or postcode
        </label>
        <div className="nhsuk-hint" id="practice-search-hint">
          For example, A81001, Manor House or TS6 0HA. Results update as you type.
        </div>
        <div className="app-practice-search__row">
          <input
            className="nhsuk-input app-practice-search__input"
            id="practice-search"
            name="q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="practice-search-hint"
            value={text}
            onChange={(event) => type(event.target.value)}
          />
          <Button type="submit" secondary className="app-practice-search__button">
            Search
          </Button>
        </div>
      </div>

      <div className="app-practice-filters">
        <Select
          id="regionCode"
          label="Region"
          value={state.regionCode}
          onChange={(regionCode) => apply({ regionCode, ccgCode: '' })}
          options={[
            { value: '', text: 'All regions' },
            ...(regions.data ?? []).map((r) => ({ value: r.code, text: r.name })),
          ]}
        />
        <Select
          id="ccgCode"
          label="CCG"
          value={state.ccgCode}
          onChange={(ccgCode) => apply({ ccgCode })}
          options={[
            { value: '', text: state.regionCode ? 'All CCGs of the region' : 'All CCGs' },
            ...(ccgs.data ?? []).map((c) => ({ value: c.code, text: `${c.name} (${c.code})` })),
          ]}
        />
        <Select
          id="clinicalSystem"
          label="Clinical system"
          value={state.clinicalSystem}
          onChange={(clinicalSystem) => apply({ clinicalSystem: clinicalSystem as ListState['clinicalSystem'] })}
          options={[
            { value: '', text: 'All systems' },
            ...CLINICAL_SYSTEMS.map((s) => ({ value: s.value, text: s.name })),
          ]}
        />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="serviceLevel">
            Service and level
          </label>
          <select
            className="nhsuk-select"
            id="serviceLevel"
            value={state.serviceLevel}
            onChange={(event) => apply({ serviceLevel: event.target.value })}
          >
            <option value="">Any service, any level</option>
            {SERVICE_LEVELS.map((group) => (
              <optgroup key={group.service} label={group.name}>
                {group.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.text}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <Select
          id="sort"
          label="Sort by"
          value={state.sort}
          onChange={(sort) => apply({ sort: sort || DEFAULT_SORT })}
          options={SORTS.map((s) => ({ value: s.value, text: s.text }))}
        />
      </div>
    </form>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; text: string }[];
}) {
  const { id, label, value, onChange, options } = props;
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {/* A value in the URL not (yet) among the options still shows as chosen, by its code. */}
        {value && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

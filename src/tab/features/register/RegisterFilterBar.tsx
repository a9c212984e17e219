/**
 * The register's filters: free-text search and one dropdown per filter, each with a visible label,
 * a "Clear filters" button and the count of services shown ("Showing 12 of 15", announced politely).
 */
import { useMemo } from 'react';
import { Button, Dropdown, Field, Option, SearchBox, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Option as ChoiceOption } from '@domain';
import { useRegisterData } from '../../state/registerData';
import { FILTER_LABELS, NO_OWNER, useRegisterFilters, type RegisterFilters } from '../../state/registerFilters';

const ALL = 'all';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  dropdown: { minWidth: 0, width: '100%' },
  // The search box must not change size with focus (its clear button comes and goes): a fixed
  // width keeps the page still, so a click started elsewhere lands where it was aimed.
  searchField: { gridColumn: 'span 2', '@media (max-width: 480px)': { gridColumn: 'auto' } },
  search: { width: '100%', maxWidth: 'none', minWidth: 0, boxSizing: 'border-box' },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type ChoiceKey = 'provision' | 'category' | 'lifecycle' | 'status' | 'owner' | 'flag';

function FilterDropdown(props: {
  label: string;
  filterKey: ChoiceKey;
  options: ReadonlyArray<ChoiceOption<string>>;
  allLabel: string;
}) {
  const styles = useStyles();
  const { filters, setFilter } = useRegisterFilters();
  const value = filters[props.filterKey];
  const selected = props.options.find((option) => option.code === value);
  return (
    <Field label={props.label}>
      <Dropdown
        className={styles.dropdown}
        value={selected?.label ?? props.allLabel}
        selectedOptions={[selected?.code ?? ALL]}
        onOptionSelect={(_event, data) => {
          const code = data.optionValue === ALL || !data.optionValue ? null : data.optionValue;
          setFilter(props.filterKey, code as RegisterFilters[ChoiceKey]);
        }}
      >
        <Option value={ALL}>{props.allLabel}</Option>
        {props.options.map((option) => (
          <Option key={option.code} value={option.code}>
            {option.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function RegisterFilterBar() {
  const styles = useStyles();
  const { state } = useRegisterData();
  const { filters, setFilter, clearFilters, rows, total, activeCount, showRetired, setShowRetired, retiredCount } = useRegisterFilters();

  // Owners come from the data (someone who has left is still an owner to find), plus "No owner".
  const owners = useMemo(() => {
    const byId = new Map<string, string>();
    if (state.kind === 'ready') {
      for (const row of state.rows) {
        const owner = row.stored.entry.owner;
        if (owner) byId.set(owner.entraId, owner.displayName || owner.upn);
      }
    }
    const people = [...byId].map(([code, label]) => ({ code, label })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
    return [{ code: NO_OWNER, label: 'No owner' }, ...people];
  }, [state]);
  const flags = useMemo(
    () => [{ code: 'any', label: 'Any risk flag' }, { code: 'none', label: 'No risk flags' }, ...FILTER_LABELS.flag],
    [],
  );

  return (
    <section aria-label="Filters" className={styles.bar}>
      <Field label="Search name, supplier or purpose" className={styles.searchField}>
        <SearchBox
          className={styles.search}
          value={filters.search}
          onChange={(_event, data) => setFilter('search', data.value)}
          placeholder="e.g. EMIS"
        />
      </Field>
      <FilterDropdown label="Provision" filterKey="provision" options={FILTER_LABELS.provision} allLabel="All provisions" />
      <FilterDropdown label="Category" filterKey="category" options={FILTER_LABELS.category} allLabel="All categories" />
      <FilterDropdown label="Lifecycle status" filterKey="lifecycle" options={FILTER_LABELS.lifecycle} allLabel="All lifecycle states" />
      <FilterDropdown label="Review status" filterKey="status" options={FILTER_LABELS.status} allLabel="All review states" />
      <FilterDropdown label="Owner" filterKey="owner" options={owners} allLabel="All owners" />
      <FilterDropdown label="Risk flag" filterKey="flag" options={flags} allLabel="All entries" />
      <div className={styles.footer}>
        {retiredCount > 0 ? (
          // A native-checkbox switch: its label names it, Space toggles it, and the row count below announces the result.
          <Switch
            label={`Show retired services (${retiredCount})`}
            checked={showRetired}
            onChange={(_event, data) => setShowRetired(data.checked)}
          />
        ) : null}
        <Button onClick={clearFilters} disabled={activeCount === 0}>
          Clear filters
        </Button>
        <Text role="status" aria-live="polite">
          Showing {rows.length} of {total}
        </Text>
      </div>
    </section>
  );
}

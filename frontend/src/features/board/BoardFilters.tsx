import type { BoardFilter } from '@autofunnel/shared';
import { SelectField } from '../../components/SelectField';
import { useListDealTypesQuery } from '../admin/deal-types/deal-types-api';
import { useGetBranchesQuery, useGetSourcesQuery, useGetUsersQuery } from '../directory/directory-api';
import { GROUP_BY_OPTIONS, isFiltered, type GroupBy } from './board-filter';
import './board-filters.css';

/** Each select's "no filter" choice. */
const ANY = '';

export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  responsible: 'Responsible',
  branch: 'Branch',
  source: 'Source',
  type: 'Deal type',
};

/**
 * An option for a value from the URL the list does not hold (yet): while the list loads, or a
 * value since deleted. Without it the select would show another choice than the board applies.
 */
function OtherOption({ value, known }: { value: string | undefined; known: readonly string[] | undefined }) {
  if (value === undefined || ['me', 'none'].includes(value) || known?.includes(value)) return null;
  return <option value={value}>{known ? 'Unknown (from the link)' : 'Loading…'}</option>;
}

interface BoardFiltersProps {
  filter: BoardFilter;
  groupBy: GroupBy | null;
  meId: string | null;
  onFilterChange(filter: BoardFilter): void;
  onGroupByChange(groupBy: GroupBy | null): void;
  /** Also clears what is not a server filter (the search box). */
  onClear(): void;
  /** Something is narrowed besides `filter` (a search): "Clear filters" shows for it too. */
  searching: boolean;
}

/**
 * The board's filters (who, which branch, source and type, rotten only, needing reassignment)
 * and its grouping into swimlanes. The server applies them, so counts and sums follow.
 */
export function BoardFilters({ filter, groupBy, meId, onFilterChange, onGroupByChange, onClear, searching }: BoardFiltersProps) {
  const { data: users } = useGetUsersQuery();
  const { data: branches } = useGetBranchesQuery();
  const { data: sources } = useGetSourcesQuery();
  const { data: types } = useListDealTypesQuery();

  const set = (field: 'responsibleId' | 'branchId' | 'sourceId' | 'type', value: string) => onFilterChange({ ...filter, [field]: value === ANY ? undefined : value });

  return (
    <>
      <SelectField layout="inline" label="Responsible" value={filter.responsibleId ?? ANY} onChange={(value) => set('responsibleId', value)}>
        <option value={ANY}>Everyone</option>
        {meId && <option value="me">My deals</option>}
        <option value="none">Not taken yet</option>
        <OtherOption value={filter.responsibleId} known={users?.map((user) => user.id)} />
        {users
          ?.filter((user) => user.id !== meId)
          .map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
      </SelectField>
      {((branches && branches.length > 0) || filter.branchId !== undefined) && (
        <SelectField layout="inline" label="Branch" value={filter.branchId ?? ANY} onChange={(value) => set('branchId', value)}>
          <option value={ANY}>All branches</option>
          <option value="none">No branch</option>
          <OtherOption value={filter.branchId} known={branches?.map((branch) => branch.id)} />
          {branches?.map((branch) => (
            <option key={branch.id} value={branch.id}>
              {branch.name}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField layout="inline" label="Source" value={filter.sourceId ?? ANY} onChange={(value) => set('sourceId', value)}>
        <option value={ANY}>All sources</option>
        <option value="none">No source</option>
        <OtherOption value={filter.sourceId} known={sources?.map((source) => source.id)} />
        {sources?.map((source) => (
          <option key={source.id} value={source.id}>
            {source.name}
          </option>
        ))}
      </SelectField>
      <SelectField layout="inline" label="Type" value={filter.type ?? ANY} onChange={(value) => set('type', value)}>
        <option value={ANY}>All types</option>
        <option value="none">No type</option>
        <OtherOption value={filter.type} known={types?.map((type) => type.code)} />
        {types?.map((type) => (
          <option key={type.id} value={type.code}>
            {type.name}
          </option>
        ))}
      </SelectField>
      <label className="checkbox">
        <input type="checkbox" checked={filter.rotten === true} onChange={(event) => onFilterChange({ ...filter, rotten: event.target.checked })} />
        Rotten only
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={filter.needsReassignment === true} onChange={(event) => onFilterChange({ ...filter, needsReassignment: event.target.checked })} />
        Needs reassignment
      </label>
      <SelectField layout="inline" label="Group by" value={groupBy ?? ANY} onChange={(value) => onGroupByChange(GROUP_BY_OPTIONS.find((option) => option === value) ?? null)}>
        <option value={ANY}>None</option>
        {GROUP_BY_OPTIONS.map((option) => (
          <option key={option} value={option}>
            {GROUP_BY_LABELS[option]}
          </option>
        ))}
      </SelectField>
      {(isFiltered(filter) || searching) && (
        <button type="button" className="button button--ghost button--small board-filters__clear" onClick={onClear}>
          Clear filters
        </button>
      )}
    </>
  );
}

import { Link } from 'react-router';
import type { InsightsCell, InsightsColumn, InsightsTable } from '@autofunnel/shared';
import { formatValue } from './insights-format';

const NUMERIC_UNITS = new Set(['count', 'percent', 'seconds', 'money']);

/** A row's deal, when the table lists deals: its code links to the deal's page. */
const DEAL_ID = 'deal_id';
const DEAL_CODE = 'deal_code';

function Cell({ column, row }: { column: InsightsColumn; row: Record<string, InsightsCell> }) {
  const text = formatValue(row[column.key] ?? null, column.unit);
  const dealId = row[DEAL_ID];
  if (column.key === DEAL_CODE && typeof dealId === 'string') {
    return <Link to={`/deals/${encodeURIComponent(dealId)}`}>{text}</Link>;
  }
  return text;
}

/** Any table of the API, by its columns and their units. */
export function InsightsTableView({ table, labelledBy }: { table: InsightsTable; labelledBy: string }) {
  // the deal's id is in the link of its code, not a column of its own
  const columns = table.columns.some((column) => column.key === DEAL_CODE) ? table.columns.filter((column) => column.key !== DEAL_ID) : table.columns;
  return (
    <div className="insights-table-scroll">
      <table className="deal-table insights-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={NUMERIC_UNITS.has(column.unit) ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column.key} className={NUMERIC_UNITS.has(column.unit) ? 'numeric' : undefined}>
                  <Cell column={column} row={row} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

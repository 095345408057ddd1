import type { ReactNode } from "react";
import {
  constructTable,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  type RowData,
} from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";

/**
 * A server-rendered TanStack table: the sort order lives in the URL (`?sort=name.desc`), headers
 * are plain links, and no table code ships to the phone. Works without JavaScript.
 */
export type DataColumn<Row> = {
  id: string;
  header: string;
  value: (row: Row) => string | number;
  cell: (row: Row) => ReactNode;
  sortFn?: "text" | "alphanumeric" | "basic";
  /** Hidden below 640px so the main columns keep their width on a phone. */
  wide?: boolean;
  className?: string;
};

export type SortState = { id: string; desc: boolean } | null;

export function parseSort(value: string | string[] | undefined, allowed: readonly string[]): SortState {
  if (typeof value !== "string") return null;
  const [id, dir] = value.split(".");
  return allowed.includes(id) ? { id, desc: dir === "desc" } : null;
}

function makeFeatures() {
  return tableFeatures({
    coreReactivityFeature: storeReactivityBindings(),
    rowSortingFeature,
    sortedRowModel: createSortedRowModel(),
    sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
  });
}

export function DataTable<Row extends RowData>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  sortHref,
  sortLabel,
  className,
}: {
  caption?: ReactNode;
  columns: DataColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  sort: SortState;
  sortHref: (sort: SortState) => string;
  sortLabel: (column: string) => string;
  className?: string;
}) {
  const features = makeFeatures();
  const helper = createColumnHelper<typeof features, Row>();
  const defs = helper.columns(
    columns.map((c) =>
      helper.accessor((row: Row) => c.value(row), {
        id: c.id,
        header: c.header,
        sortFn: c.sortFn ?? "alphanumeric",
      }),
    ),
  );
  const table = constructTable({
    features,
    columns: defs,
    data: rows,
    getRowId: (row: Row) => rowKey(row),
    initialState: { sorting: sort ? [sort] : [] },
  });
  const byId = new Map(columns.map((c) => [c.id, c]));

  return (
    <table className={["data-table", className].filter(Boolean).join(" ")}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {table.getHeaderGroups()[0].headers.map((header) => {
            const col = byId.get(header.column.id)!;
            const active = sort?.id === col.id ? sort : null;
            const next: SortState = active ? (active.desc ? null : { id: col.id, desc: true }) : { id: col.id, desc: false };
            return (
              <th
                key={header.id}
                scope="col"
                className={[col.wide ? "wide" : "", col.className ?? ""].join(" ").trim() || undefined}
                aria-sort={active ? (active.desc ? "descending" : "ascending") : undefined}
              >
                <a href={sortHref(next)} aria-label={sortLabel(col.header)} rel="nofollow">
                  {col.header}
                  <span aria-hidden="true" className="sort-mark">
                    {active ? (active.desc ? " ▼" : " ▲") : " ↕"}
                  </span>
                </a>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => {
              const col = byId.get(cell.column.id)!;
              return (
                <td key={cell.id} className={[col.wide ? "wide" : "", col.className ?? ""].join(" ").trim() || undefined}>
                  {col.cell(row.original)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

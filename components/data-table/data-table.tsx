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

/**
 * With `groups`, one sorted model is split into a table per group (the posts of each body), each
 * wrapped by its group's `render`: one TanStack model per page section, not one per body.
 */
export function DataTable<Row extends RowData>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  sortHref,
  sortLabel,
  className,
  groups,
}: {
  caption?: ReactNode;
  columns: DataColumn<Row>[] | ((group: string) => DataColumn<Row>[]);
  rows: Row[];
  rowKey: (row: Row) => string;
  sort: SortState;
  sortHref: (sort: SortState) => string;
  sortLabel: (column: string) => string;
  className?: string;
  groups?: { of: (row: Row) => string; list: Array<{ id: string; render: (table: ReactNode) => ReactNode }> };
}) {
  const baseColumns = typeof columns === "function" ? columns(groups?.list[0]?.id ?? "") : columns;
  const features = makeFeatures();
  const helper = createColumnHelper<typeof features, Row>();
  const defs = helper.columns(
    baseColumns.map((c) =>
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
  const sorted = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0].headers.map((h) => h.column.id);
  const render = (cols: DataColumn<Row>[], bodyRows: typeof sorted, key?: string) => {
    const byId = new Map(cols.map((c) => [c.id, c]));
    return (
      <table key={key} className={["data-table", className].filter(Boolean).join(" ")}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {headers.map((id) => {
              const col = byId.get(id)!;
              const active = sort?.id === col.id ? sort : null;
              const next: SortState = active ? (active.desc ? null : { id: col.id, desc: true }) : { id: col.id, desc: false };
              return (
                <th
                  key={id}
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
          {bodyRows.map((row) => (
            <tr key={row.id}>
              {headers.map((id) => {
                const col = byId.get(id)!;
                return (
                  <td key={id} className={[col.wide ? "wide" : "", col.className ?? ""].join(" ").trim() || undefined}>
                    {col.cell(row.original as Row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    );
  };

  if (groups) {
    const buckets = new Map<string, typeof sorted>();
    for (const row of sorted) {
      const g = groups.of(row.original as Row);
      const bucket = buckets.get(g);
      if (bucket) bucket.push(row);
      else buckets.set(g, [row]);
    }
    const colsFor = (g: string) => (typeof columns === "function" ? columns(g) : columns);
    return <>{groups.list.map((g) => g.render(render(colsFor(g.id), buckets.get(g.id) ?? [], g.id)))}</>;
  }
  return render(baseColumns, sorted);
}

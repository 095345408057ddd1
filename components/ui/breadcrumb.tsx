
// Plain anchors throughout the directory pages: a unit page carries hundreds of links, and next/link
// would make each one a client component (larger payload, hydration) for prefetching phones rarely use.
export function Breadcrumb({ label, items }: { label: string; items: Array<{ id: number; name: string }> }) {
  return (
    <nav aria-label={label} className="breadcrumb">
      <ol>
        {items.map((item, i) =>
          i === items.length - 1 ? (
            <li key={item.id} aria-current="page">
              {item.name}
            </li>
          ) : (
            <li key={item.id}>
              <a href={`/units/${item.id}`}>{item.name}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

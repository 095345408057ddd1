import Link from "next/link";

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
              <Link href={`/units/${item.id}`}>{item.name}</Link>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

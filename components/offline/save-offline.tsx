"use client";

import { useState, useSyncExternalStore } from "react";

type Labels = { button: string; hint: string; progress: string; done: string; partial: string; truncated: string; level: string; unavailable: string };
type Status = { kind: "idle" } | { kind: "saving"; done: number; total: number } | { kind: "finished"; count: number; total: number; cut: number | null } | { kind: "unavailable" };

const noSubscription = () => () => {};
const fill = (template: string, values: Record<string, number | string | null>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/**
 * "Save for offline": asks the server for the unit's subtree (app/api/offline/subtree) and has the
 * offline worker fetch and keep each page (lib/offline/sw.ts, `x-offline-save`), counting as it goes.
 * A unit with more pages than the bound says that only the first ones were saved, and of how many.
 */
export function SaveOffline({ unitId, labels }: { unitId: number; labels: Labels }) {
  // Disabled in the server's HTML: the button does nothing until the scripts have run.
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function save() {
    if (!navigator.serviceWorker?.controller) return setStatus({ kind: "unavailable" });
    try {
      const response = await fetch(`/api/offline/subtree?unit=${unitId}`);
      if (!response.ok) return setStatus({ kind: "unavailable" });
      // truncated: the list stops at the bound; `all` is how many pages the unit has in all.
      const { paths, truncated, total: all } = (await response.json()) as { paths: string[]; truncated: boolean; total: number };
      let done = 0;
      let count = 0;
      setStatus({ kind: "saving", done, total: paths.length });
      for (const path of paths) {
        const saved = await fetch(path, { headers: { "x-offline-save": "1" } })
          .then((r) => r.headers.get("x-offline-saved") === "1")
          .catch(() => false);
        done += 1;
        if (saved) count += 1;
        setStatus({ kind: "saving", done, total: paths.length });
      }
      setStatus({ kind: "finished", count, total: paths.length, cut: truncated ? all : null });
    } catch {
      setStatus({ kind: "unavailable" });
    }
  }

  const message =
    status.kind === "saving"
      ? fill(labels.progress, status)
      : status.kind === "finished"
        ? status.count < status.total
          ? fill(labels.partial, status)
          : status.cut !== null
            ? fill(labels.truncated, { count: status.count, total: status.cut, level: labels.level })
            : fill(labels.done, status)
        : status.kind === "unavailable"
          ? labels.unavailable
          : null;
  return (
    <div className="save-offline">
      <button type="button" className="button button-secondary" disabled={!ready || status.kind === "saving"} onClick={save}>
        {labels.button}
      </button>
      <p className="muted small">{labels.hint}</p>
      {status.kind === "saving" ? <progress value={status.done} max={status.total} aria-label={labels.button} /> : null}
      <p role="status" aria-live="polite" className="save-offline-status">
        {message}
      </p>
    </div>
  );
}

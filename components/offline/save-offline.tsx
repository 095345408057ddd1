"use client";

import { useState, useSyncExternalStore } from "react";

type Labels = { button: string; hint: string; progress: string; done: string; partial: string; unavailable: string };
type Status = { kind: "idle" } | { kind: "saving"; done: number; total: number } | { kind: "finished"; count: number; total: number } | { kind: "unavailable" };

const noSubscription = () => () => {};
const fill = (template: string, values: Record<string, number | string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/**
 * "Save for offline": asks the server for the unit's subtree (app/api/offline/subtree) and has the
 * offline worker fetch and keep each page (lib/offline/sw.ts, `x-offline-save`), counting as it goes.
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
      const { paths } = (await response.json()) as { paths: string[] };
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
      setStatus({ kind: "finished", count, total: paths.length });
    } catch {
      setStatus({ kind: "unavailable" });
    }
  }

  const message =
    status.kind === "saving"
      ? fill(labels.progress, status)
      : status.kind === "finished"
        ? fill(status.count === status.total ? labels.done : labels.partial, status)
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

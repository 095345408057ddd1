/**
 * "offline — saved at 14:32": rendered hidden on every page; the offline worker shows it and
 * writes the time into a copy it serves (lib/offline/worker-rules.ts, showOfflineBanner). React
 * leaves the worker's changes alone when it hydrates the copy (suppressHydrationWarning).
 */
export function OfflineBanner({ template }: { template: string }) {
  const [before, after = ""] = template.split("{time}");
  return (
    <p className="offline-banner" data-offline-banner="true" role="status" hidden suppressHydrationWarning>
      {before}
      <time data-offline-time="true" suppressHydrationWarning>
        --:--
      </time>
      {after}
    </p>
  );
}

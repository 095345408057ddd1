"use client";

import { useEffect, useState } from "react";

/**
 * Registers the offline worker (public/sw.js), tells it whose session this page belongs to (a
 * login or logout changes it without a page load), and refuses a form sent while offline: it
 * says plainly that nothing was saved instead of letting the request fail or be queued.
 */
export function OfflineClient({ accountKey, notSaved, dismiss }: { accountKey: string | null; notSaved: string; dismiss: string }) {
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const tell = (worker: ServiceWorker | null | undefined) =>
      worker?.postMessage({ type: "account", key: accountKey, lang: document.documentElement.lang });
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then((registration) => {
        tell(registration.active);
        return navigator.serviceWorker.ready;
      })
      .then((registration) => tell(registration.active))
      .catch(() => undefined);
  }, [accountKey]);

  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      if (navigator.onLine || form.method.toLowerCase() !== "post") return;
      // Before React's own handler (it listens at the document): the action is never called.
      event.preventDefault();
      event.stopImmediatePropagation();
      setRefused(true);
    };
    window.addEventListener("submit", onSubmit, true);
    return () => window.removeEventListener("submit", onSubmit, true);
  }, []);

  return refused ? (
    <div className="offline-refused" role="alert">
      <p>{notSaved}</p>
      <button type="button" className="button button-secondary" onClick={() => setRefused(false)}>
        {dismiss}
      </button>
    </div>
  ) : null;
}

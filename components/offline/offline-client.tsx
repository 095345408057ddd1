"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

type Texts = { notSaved: string; notSent: string; loggedOutOffline: string; dismiss: string };
type Refusal = "offline" | "notSent" | "loggedOut";

// The worker's state (lib/offline/sw.ts): names a session logged out while offline.
const STATE = { cache: "offline-state", url: "/__offline-state" };

/** Logout sent without a network: this phone's saved pages go now; the worker keeps no more of this session. */
async function forgetSavedPages() {
  navigator.serviceWorker?.controller?.postMessage({ type: "logout" });
  if (!("caches" in window)) return;
  for (const name of await caches.keys()) if (name.startsWith("pages-")) await caches.delete(name);
}

/** Whether the server answers at all (not whether it is healthy): a form is sent only then. */
function serverReachable(): Promise<boolean> {
  return fetch("/healthz", { method: "HEAD", cache: "no-store", credentials: "omit" }).then(
    () => true,
    () => false,
  );
}

/**
 * Registers the offline worker (public/sw.js), tells it whose session this page belongs to (a
 * login or logout changes it without a page load) and that the server answered, and refuses a
 * form sent while offline or while the network is down (the phone believes it is online, but
 * nothing reaches the server): it says plainly that nothing was saved and leaves the form as
 * typed, instead of letting the request fail into the error page or be queued. A logout sent
 * then deletes the saved pages at once, and is sent again on the next page opened online.
 */
export function OfflineClient({ accountKey, texts }: { accountKey: string | null; texts: Texts }) {
  const [refused, setRefused] = useState<Refusal | null>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    // A copy the worker served (its banner shown) or no network: the server was not reached.
    const active = navigator.onLine && document.querySelector("[data-offline-banner]:not([hidden])") === null;
    const tell = (worker: ServiceWorker | null | undefined) =>
      worker?.postMessage({ type: "account", key: accountKey, lang: document.documentElement.lang, active });
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then((registration) => {
        tell(registration.active);
        return navigator.serviceWorker.ready;
      })
      .then((registration) => tell(registration.active))
      .catch(() => undefined);
  }, [accountKey, pathname]);

  useEffect(() => {
    // A logout sent offline: finished now that the server answers again.
    if (!accountKey || !navigator.onLine || !("caches" in window)) return;
    caches
      .match(STATE.url, { cacheName: STATE.cache })
      .then((saved) => saved?.json() as Promise<{ loggedOut?: string | null }> | undefined)
      .then((saved) => {
        if (saved?.loggedOut === accountKey) document.querySelector<HTMLFormElement>("form[data-logout]")?.requestSubmit();
      })
      .catch(() => undefined);
  }, [accountKey]);

  useEffect(() => {
    const checked = new WeakSet<HTMLFormElement>();
    const refuse = (form: HTMLFormElement, online: boolean) => {
      if (form.hasAttribute("data-logout")) {
        void forgetSavedPages().finally(() => setRefused("loggedOut"));
      } else {
        setRefused(online ? "notSent" : "offline");
      }
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      if (form.method.toLowerCase() !== "post") return;
      // Sent again below once the server answered: React's own handler takes it from here.
      if (checked.delete(form)) return;
      // Before React's own handler (it listens at the document): the action is not called yet.
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!navigator.onLine) return refuse(form, false);
      const submitter = event.submitter;
      void serverReachable().then((reachable) => {
        if (!reachable) return refuse(form, true);
        setRefused(null);
        checked.add(form);
        const button = submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null;
        form.requestSubmit(button && button.form === form ? button : undefined);
      });
    };
    window.addEventListener("submit", onSubmit, true);
    return () => window.removeEventListener("submit", onSubmit, true);
  }, []);

  const text = refused === "offline" ? texts.notSaved : refused === "notSent" ? texts.notSent : refused === "loggedOut" ? texts.loggedOutOffline : null;
  return text ? (
    <div className="offline-refused" role="alert">
      <p>{text}</p>
      <button type="button" className="button button-secondary" onClick={() => setRefused(null)}>
        {texts.dismiss}
      </button>
    </div>
  ) : null;
}

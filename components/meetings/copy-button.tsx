"use client";

import { useState, useSyncExternalStore } from "react";

const subscribeNothing = () => () => {};

/**
 * Copies the text of a <textarea> by id. Rendered hidden until the script has arrived: before
 * that the text itself can be selected and copied by hand.
 */
export function CopyButton({ target, label, done }: { target: string; label: string; done: string }) {
  // False in the server's HTML, true once hydrated.
  const ready = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const el = document.getElementById(target) as HTMLTextAreaElement | null;
    if (!el) return;
    try {
      await navigator.clipboard.writeText(el.value);
    } catch {
      el.select();
      document.execCommand("copy");
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" className="button button-secondary" hidden={!ready} onClick={copy} aria-live="polite">
      {copied ? done : label}
    </button>
  );
}

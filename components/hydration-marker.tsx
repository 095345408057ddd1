"use client";

import { useEffect } from "react";

/**
 * Marks the page once React has hydrated it (`<html data-hydrated>`). Forms and links work before
 * that; end-to-end tests of what needs the client code (type-aheads) wait for this mark instead of
 * racing the scripts on a slow machine.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}

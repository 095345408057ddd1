import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const at = (path: string, cookie = "") => new NextRequest(new URL(path, "http://127.0.0.1:3000"), { headers: cookie ? { cookie } : {} });

describe("the login redirect", () => {
  it("carries the page asked for in ?next=", () => {
    const location = proxy(at("/units/12?sort=name")).headers.get("location")!;
    expect(new URL(location).searchParams.get("next")).toBe("/units/12?sort=name");
  });

  it("leaves out a page address too long to come back to (the login form takes 500 characters): the redirect stays short", () => {
    const long = `/units/12?x=${"%E0%A4%B0".repeat(1200)}`;
    const location = proxy(at(long)).headers.get("location")!;
    expect(new URL(location).pathname).toBe("/login");
    expect(new URL(location).searchParams.has("next")).toBe(false);
    // An idle session's redirect too.
    const idle = proxy(at(long, "authjs.session-token=x; last-active=1")).headers.get("location")!;
    expect(idle.length).toBeLessThan(100);
  });
});

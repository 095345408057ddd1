import { describe, expect, it } from "vitest";
import { meetingUrl } from "./public-url";

describe("the calendar entry's link", () => {
  it("uses the configured public address when there is one, whatever the request says", () => {
    expect(meetingUrl(7, "https://sangathan.example.org", "localhost:3000", "http")).toBe("https://sangathan.example.org/meetings/7");
    expect(meetingUrl(7, "https://sangathan.example.org/api/auth", null, null)).toBe("https://sangathan.example.org/meetings/7");
  });

  it("without one, the Host the phone used, but never a loopback name", () => {
    expect(meetingUrl(7, undefined, "sangathan.example.org", "https")).toBe("https://sangathan.example.org/meetings/7");
    expect(meetingUrl(7, "", "192.168.1.20:3000", null)).toBe("http://192.168.1.20:3000/meetings/7");
    for (const h of ["localhost", "localhost:3000", "127.0.0.1:3303", "[::1]:3000", "0.0.0.0"]) expect(meetingUrl(7, undefined, h, "http")).toBeNull();
  });

  it("omits the link rather than build one from a strange or missing Host", () => {
    expect(meetingUrl(7, undefined, null, null)).toBeNull();
    expect(meetingUrl(7, undefined, "evil.example/x?y", null)).toBeNull();
    expect(meetingUrl(7, "not a url", "localhost", null)).toBeNull();
  });
});

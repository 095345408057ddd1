import { describe, expect, it } from "vitest";
import { formIntent } from "@/lib/validation/meetings";

describe("what Enter in the meeting form does (no script needed)", () => {
  it("with a name in the chief-guest search box, Enter searches", () => {
    expect(formIntent("enter", "सुरेश")).toBe("search");
  });
  it("with the box empty, Enter checks the list; it never saves", () => {
    expect(formIntent("enter", "")).toBe("preview");
    expect(formIntent("enter", "  ")).toBe("preview");
    expect(formIntent("enter", null)).toBe("preview");
  });
  it("the named buttons do what they say", () => {
    expect(formIntent("preview", "सुरेश")).toBe("preview");
    expect(formIntent("search", "")).toBe("search");
    expect(formIntent("save", "")).toBe("save");
    expect(formIntent(null, "")).toBe("save");
  });
});

import { expect, test } from "vitest";
import { MAX_ROW_ID, isRowId, isRowIdText } from "./row-id";

test("a row id is a positive 32-bit integer, as text or as a number", () => {
  expect([1, 462, MAX_ROW_ID].map(isRowId)).toEqual([true, true, true]);
  expect([0, -1, 1.5, NaN, Infinity, MAX_ROW_ID + 1, 2 ** 53 - 1].map(isRowId)).toEqual([false, false, false, false, false, false, false]);
  expect(["1", "462", "2147483647"].map(isRowIdText)).toEqual([true, true, true]);
  expect(["", "0", "-1", "1.5", "2147483648", "9007199254740991", "1e3", " 1", "abc", null, undefined].map(isRowIdText)).toEqual(Array(11).fill(false));
});

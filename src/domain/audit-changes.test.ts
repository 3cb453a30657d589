import { describe, expect, test } from "vitest";
import { auditChanges, formatAuditValue } from "./audit-changes";

describe("auditChanges", () => {
  test("lists only the fields that differ, before → after", () => {
    expect(
      auditChanges(
        { name: "Dinas A", active: true, updatedAt: "2026-01-01" },
        { name: "Dinas B", active: true, updatedAt: "2026-02-01" },
      ),
    ).toEqual([{ field: "name", before: "Dinas A", after: "Dinas B" }]);
  });

  test("a created row shows every field as new; a removed one as gone", () => {
    expect(auditChanges(null, { name: "X", proposedForZi: false })).toEqual([
      { field: "name", before: "—", after: "X" },
      { field: "proposedForZi", before: "—", after: "tidak" },
    ]);
    expect(auditChanges({ name: "X" }, null)).toEqual([{ field: "name", before: "X", after: "—" }]);
  });

  test("nested values compare by content and long ones are shortened", () => {
    expect(auditChanges({ roles: [{ role: "TPI" }] }, { roles: [{ role: "TPI" }] })).toEqual([]);
    const long = "a".repeat(300);
    expect(auditChanges({ catatan: "" }, { catatan: long })[0].after).toHaveLength(121);
  });

  test("scalar entries compare as one value", () => {
    expect(auditChanges(3, 4)).toEqual([{ field: "nilai", before: "3", after: "4" }]);
    expect(auditChanges(null, undefined)).toEqual([]);
  });

  test("values read as words", () => {
    expect(formatAuditValue(true)).toBe("ya");
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
  });
});

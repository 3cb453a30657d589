import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable, UserError } from "./errors";

// The shapes Prisma 7 with the pg driver adapter gives when PostgreSQL is stopped, restarting or cut off.
const adapterError = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("isDatabaseUnavailable", () => {
  test("recognises an unreachable server, a dropped connection and a shutdown in progress", () => {
    // Starting a transaction while the server is down.
    expect(isDatabaseUnavailable(adapterError("P1001", { kind: "DatabaseNotReachable", port: 5432 }))).toBe(true);
    // A query while it is down.
    expect(isDatabaseUnavailable(adapterError("P2010", { kind: "DatabaseNotReachable", port: 5432 }))).toBe(true);
    // A query running when the server shut down ("terminating connection due to administrator command").
    expect(
      isDatabaseUnavailable(adapterError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" })),
    ).toBe(true);
    // The server is still starting.
    expect(isDatabaseUnavailable(adapterError("P2010", { kind: "postgres", code: "57P03" }))).toBe(true);
    // node-postgres on a connection that died under an open transaction.
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    // A socket error, also when wrapped as a cause.
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("query failed", { cause: refused }))).toBe(true);
  });

  test("leaves every other failure alone", () => {
    expect(isDatabaseUnavailable(adapterError("P2002", { kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isDatabaseUnavailable(adapterError("P2010", { kind: "postgres", code: "23503" }))).toBe(false);
    expect(isDatabaseUnavailable(new UserError("Periksa kembali isian."))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Action x wrote without an audit entry"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("P1001")).toBe(false);
  });
});

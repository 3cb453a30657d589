/**
 * Why an action failed, as a code the UI branches on (never on the message text):
 * UNAUTHENTICATED no session; FORBIDDEN not the user's to do; SEPARATION_OF_DUTIES the user's own earlier
 * part in this LKE rules it out; LOCKED not in this state or outside the window; INCOMPLETE the step's
 * preconditions are not met yet; INVALID bad input; CONFLICT someone else saved first; DUPLICATE the same
 * data exists; NOT_FOUND no such row; TOO_LARGE / UNSUPPORTED an upload over the limit or of a type not
 * accepted; UNAVAILABLE the database cannot be reached right now (nothing was saved; the same request may be
 * sent again); SERVER_ERROR anything unexpected (logged).
 */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "SEPARATION_OF_DUTIES",
  "LOCKED",
  "INCOMPLETE",
  "INVALID",
  "CONFLICT",
  "DUPLICATE",
  "NOT_FOUND",
  "TOO_LARGE",
  "UNSUPPORTED",
  "UNAVAILABLE",
  "SERVER_ERROR",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Structured detail for the UI, e.g. the checklist of what blocks a submission. */
export interface ErrorDetails {
  missing?: string[];
}

/** An error whose message (Bahasa Indonesia) may be shown to the user as is. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
    readonly details?: ErrorDetails,
    readonly code: ErrorCode = "INVALID",
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** The caller may not do this; the message is safe to show. */
export class ForbiddenError extends UserError {
  constructor(
    message = "Anda tidak berwenang melakukan tindakan ini.",
    code: "FORBIDDEN" | "SEPARATION_OF_DUTIES" = "FORBIDDEN",
  ) {
    super(message, undefined, undefined, code);
    this.name = "ForbiddenError";
  }
}

/** The row the input names does not exist (or is not in the caller's instansi). */
export class NotFoundError extends UserError {
  constructor(message: string, fieldErrors?: Record<string, string>) {
    super(message, fieldErrors, undefined, "NOT_FOUND");
    this.name = "NotFoundError";
  }
}

/** Someone else saved first; carries what they saved so the UI can show it. */
export class ConflictError extends UserError {
  constructor(
    message: string,
    readonly current: unknown,
  ) {
    super(message, undefined, undefined, "CONFLICT");
    this.name = "ConflictError";
  }
}

export const UNAVAILABLE_MESSAGE = "Basis data sedang tidak tersedia, coba lagi sebentar lagi.";

// Prisma's codes for an unreachable or dropped server, the driver adapter's kinds for the same, and
// PostgreSQL's SQLSTATEs for a lost connection (class 08), a shutdown or restart in progress (57P01–57P03)
// and a full server (53300).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
// node-postgres reports a connection that died under a query only by these messages.
const DRIVER_MESSAGES = /Connection terminated|connection error and is not queryable|Can't reach database server/;

/**
 * Whether an error means the database was unreachable or dropped the connection (a restart, a
 * failover, a network cut) rather than anything about the request. The transaction was rolled back
 * (or, cut during its COMMIT, may have landed): sending the request again is safe, since a save carries
 * the version it read and a repeat of one that did land is refused as a conflict. Walks the error's
 * causes, since Prisma and the driver adapter wrap the driver's error.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let x = e, depth = 0; typeof x === "object" && x !== null && depth < 5; depth++) {
    const err = x as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string; originalCode?: string } } };
    };
    const code = typeof err.code === "string" ? err.code : "";
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)) return true;
    const adapter = err.meta?.driverAdapterError?.cause;
    if (adapter?.kind && ADAPTER_KINDS.has(adapter.kind)) return true;
    if (SQLSTATE.test(adapter?.originalCode ?? adapter?.code ?? "")) return true;
    if (typeof err.message === "string" && DRIVER_MESSAGES.test(err.message)) return true;
    x = err.cause;
  }
  return false;
}

/**
 * Why an action failed, as a code the UI branches on (never on the message text):
 * UNAUTHENTICATED no session; FORBIDDEN not the user's to do; SEPARATION_OF_DUTIES the user's own earlier
 * part in this LKE rules it out; LOCKED not in this state or outside the window; INCOMPLETE the step's
 * preconditions are not met yet; INVALID bad input; CONFLICT someone else saved first; DUPLICATE the same
 * data exists; NOT_FOUND no such row; TOO_LARGE / UNSUPPORTED an upload over the limit or of a type not
 * accepted; SERVER_ERROR anything unexpected (logged).
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
  constructor(message: string) {
    super(message, undefined, undefined, "NOT_FOUND");
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

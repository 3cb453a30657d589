/** An error whose message (Bahasa Indonesia) may be shown to the user as is. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
    /** Structured detail for the UI, e.g. the checklist of what blocks a submission. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** The caller may not do this; the message is safe to show. */
export class ForbiddenError extends UserError {
  constructor(message = "Anda tidak berwenang melakukan tindakan ini.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Someone else saved first; carries what they saved so the UI can show it. */
export class ConflictError extends UserError {
  constructor(
    message: string,
    readonly current: unknown,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

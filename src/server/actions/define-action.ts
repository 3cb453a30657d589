/**
 * The one chain every write goes through: parse the input with its zod schema → load the
 * signed-in user → check the permission on the target unit → run in a transaction → write the
 * audit entry → return a typed result. Messages are in Bahasa Indonesia.
 */
import "server-only";
import type { z } from "zod";
import { revalidatePath } from "next/cache";
import { assertCan, type Permission, type Target } from "@/server/authz";
import { clientIp, getCurrentUser, type CurrentUser } from "@/server/auth/current-user";
import { getDb, type Tx } from "@/server/db/client";
import { auditRefusal, writeAudit, type AuditEntry } from "@/server/audit";
import {
  ConflictError,
  ForbiddenError,
  isDatabaseUnavailable,
  UNAVAILABLE_MESSAGE,
  UserError,
  type ErrorCode,
  type ErrorDetails,
} from "@/server/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      error: string;
      fieldErrors?: Record<string, string>;
      conflict?: unknown;
      details?: ErrorDetails;
    };

export interface ActionContext<G extends Target = Target> {
  user: CurrentUser;
  tx: Tx;
  ip: string | null;
  /** What `target` resolved (and may have loaded on the way), so the handler need not read it again. */
  target: G;
  audit(entry: Omit<AuditEntry, "action"> & { action?: string }): Promise<void>;
}

export interface ActionSession {
  user: CurrentUser | null;
  ip: string | null;
}

interface ActionDefinition<S extends z.ZodType, T, G extends Target> {
  /** Audit action name, e.g. "unit.create". */
  name: string;
  schema: S;
  permission: Permission;
  /**
   * The instansi/unit the write touches, resolved inside the transaction from the stored rows
   * (never from ids the client claims). Defaults to the user's own instansi.
   */
  target?: (input: z.output<S>, ctx: { tx: Tx; user: CurrentUser }) => Promise<G>;
  handler: (input: z.output<S>, ctx: ActionContext<G>) => Promise<T>;
  /**
   * Whether a success re-renders the pages (revalidatePath), which also sends the whole current page
   * back with the reply. Default: always. An action whose caller updates itself from the result can
   * say when nothing else on the page changed.
   */
  revalidate?: (data: never) => boolean;
}

export type Action<S extends z.ZodType, T> = ((input: z.input<S>) => Promise<ActionResult<T>>) & {
  /** The same chain with an explicit session: for tests and scripts outside a request. */
  run(input: unknown, session: ActionSession): Promise<ActionResult<T>>;
};

export const GENERIC_ERROR = "Terjadi kesalahan pada server. Coba lagi atau hubungi admin.";

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

export function defineAction<S extends z.ZodType, T, G extends Target = Target>(
  def: ActionDefinition<S, T, G>,
): Action<S, T> {
  async function run(input: unknown, session: ActionSession): Promise<ActionResult<T>> {
    const user = session.user;
    if (!user) return { ok: false, code: "UNAUTHENTICATED", error: "Sesi Anda telah berakhir. Silakan masuk kembali." };
    // A one-time or reset password only opens the way to choosing one's own.
    if (user.mustChangePassword && def.permission !== "account:self") {
      return { ok: false, code: "FORBIDDEN", error: "Ganti dulu kata sandi sekali pakai Anda sebelum melanjutkan." };
    }
    try {
      assertCan(user, def.permission);
      const parsed = def.schema.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          code: "INVALID",
          error: "Periksa kembali isian yang ditandai.",
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      const data = await getDb().$transaction(
        async (tx) => {
          const target = def.target
            ? await def.target(parsed.data, { tx, user })
            : ({ instansiId: user.instansiId, unitId: null } as G);
          assertCan(user, def.permission, target);
          let audited = false;
          const ctx: ActionContext<G> = {
            user,
            tx,
            ip: session.ip,
            target,
            async audit(entry) {
              audited = true;
              // An entry about a unit row names that unit; otherwise the unit the action targets.
              const unitId = entry.unitId ?? (entry.entity === "Unit" ? entry.entityId : target.unitId);
              await writeAudit(tx, user, session.ip, { ...entry, unitId, action: entry.action ?? def.name });
            },
          };
          const result = await def.handler(parsed.data, ctx);
          if (!audited) throw new Error(`Action ${def.name} wrote without an audit entry`);
          return result;
        },
        // A burst of writes waits for a pooled connection instead of failing after Prisma's 2 s default.
        { timeout: 30_000, maxWait: 15_000 },
      );
      return { ok: true, data };
    } catch (e) {
      if (e instanceof ForbiddenError)
        await auditRefusal(user, session.ip, def.name, {
          permission: def.permission,
          reason: e.message,
          code: e.code,
          target: targetIds(input),
        });
      if (e instanceof ConflictError) return { ok: false, code: e.code, error: e.message, conflict: e.current };
      if (e instanceof UserError)
        return { ok: false, code: e.code, error: e.message, fieldErrors: e.fieldErrors, details: e.details };
      if (isUniqueViolation(e)) return { ok: false, code: "DUPLICATE", error: "Data yang sama sudah ada." };
      if (isDatabaseUnavailable(e)) return unavailable(def.name, e);
      console.error(`[${def.name}]`, e);
      return { ok: false, code: "SERVER_ERROR", error: GENERIC_ERROR };
    }
  }

  const action = async (input: z.input<S>): Promise<ActionResult<T>> => {
    let session: ActionSession;
    try {
      session = { user: await getCurrentUser(), ip: await clientIp() };
    } catch (e) {
      // Loading the user is the first read: with the database down the reply is the same retryable code.
      if (isDatabaseUnavailable(e)) return unavailable(def.name, e);
      throw e;
    }
    const result = await run(input, session);
    if (result.ok && (def.revalidate?.(result.data as never) ?? true)) revalidatePath("/", "layout");
    return result;
  };
  return Object.assign(action, { run });
}

/** The database is down or restarting: a typed, retryable answer instead of a generic failure. */
function unavailable(name: string, e: unknown): { ok: false; code: "UNAVAILABLE"; error: string } {
  console.error(`[${name}] database unavailable: ${e instanceof Error ? e.message.trim().split("\n").pop() : e}`);
  return { ok: false, code: "UNAVAILABLE", error: UNAVAILABLE_MESSAGE };
}

/** The ids an input names (`id`, `assessmentId`, `unitId`, …), so a refusal's entry says which target was tried. */
function targetIds(input: unknown): Record<string, string> {
  if (typeof input !== "object" || input === null) return {};
  return Object.fromEntries(
    Object.entries(input).filter(
      ([k, v]) => (k === "id" || k.endsWith("Id")) && typeof v === "string" && v.length <= 64,
    ) as [string, string][],
  );
}

/** Prisma's unique-constraint error, recognised by code (the class may come from another bundle copy). */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

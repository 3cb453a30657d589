/**
 * The LKE workbook routes: export of one LKE (`/api/penilaian/[id]/xlsx?lapisan=SELF|TPI|BOTH`), the ZIP of a
 * periode (`/api/ikhtisar/lke-zip?periode=…&lapisan=…`) and the import preview (`POST /api/penilaian/[id]/impor-xlsx`,
 * the raw file as the body, its name in X-File-Name). The session is passed in by tests.
 */
import { auditRefusal } from "@/server/audit";
import { clientIp, getCurrentUser, type CurrentUser } from "@/server/auth/current-user";
import { sameOrigin } from "@/server/evidence/http";
import { IMPORT_MAX_BYTES, assessmentWorkbook, exportLayerOf, periodeZip, previewImport } from "./app";
import { previewHasilImport } from "./hasil-import";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
type Session = { user: CurrentUser | null; ip: string | null };

async function sessionOf(session?: Session): Promise<Session> {
  return session ?? { user: await getCurrentUser(), ip: await clientIp() };
}

const fail = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

const download = (bytes: Uint8Array, type: string, fileName: string) =>
  new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });

export async function exportWorkbookRoute(
  assessmentId: string,
  params: URLSearchParams,
  s?: Session,
): Promise<Response> {
  const { user } = await sessionOf(s);
  if (!user) return fail(401, "Silakan masuk terlebih dahulu.");
  if (user.mustChangePassword) return fail(403, "Ganti dulu kata sandi sekali pakai Anda sebelum melanjutkan.");
  const result = await assessmentWorkbook(user, assessmentId, exportLayerOf(params.get("lapisan")));
  if (result.outcome === "missing") return fail(404, "Penilaian tidak ditemukan.");
  if (result.outcome === "forbidden") return fail(403, "Anda tidak berwenang membaca penilaian ini.");
  return download(result.bytes, XLSX, result.fileName);
}

export async function periodeZipRoute(params: URLSearchParams, s?: Session): Promise<Response> {
  const { user, ip } = await sessionOf(s);
  if (!user) return fail(401, "Silakan masuk terlebih dahulu.");
  const periodeId = params.get("periode") ?? "";
  const result = user.mustChangePassword
    ? ({ outcome: "forbidden" } as const)
    : await periodeZip(user, periodeId, exportLayerOf(params.get("lapisan")));
  if (result.outcome === "forbidden") {
    await auditRefusal(user, ip, "lke.exportZip", {
      permission: "overview:read",
      reason: "Anda tidak berwenang mengunduh LKE semua unit.",
      code: "FORBIDDEN",
      target: { periodeId },
    });
    return fail(403, "Anda tidak berwenang mengunduh LKE semua unit.");
  }
  if (result.outcome === "missing") return fail(404, "Periode tidak ditemukan.");
  return download(result.bytes, "application/zip", result.fileName);
}

/** Reads at most `max` bytes of the body; null when it is longer. */
async function readLimited(req: Request, max: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The signed-in, same-origin upload of one workbook within the size limit, with its name; or the refusal. */
async function readUpload(req: Request, s: Session | undefined, fallbackName: string) {
  const { user, ip } = await sessionOf(s);
  if (!user) return fail(401, "Silakan masuk terlebih dahulu.");
  if (user.mustChangePassword) return fail(403, "Ganti dulu kata sandi sekali pakai Anda sebelum melanjutkan.");
  if (!sameOrigin(req)) return fail(403, "Unggahan hanya diterima dari halaman aplikasi ini.");
  const tooBig = `Berkas terlalu besar (maksimal ${IMPORT_MAX_BYTES / 1024 / 1024} MB).`;
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES) return fail(413, tooBig);
  const bytes = await readLimited(req, IMPORT_MAX_BYTES);
  if (!bytes) return fail(413, tooBig);
  let name = fallbackName;
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? name).slice(0, 200) || name;
  } catch {
    // A malformed name is replaced; it is only shown and recorded.
  }
  return { user, ip, bytes, name };
}

export async function previewImportRoute(req: Request, assessmentId: string, s?: Session): Promise<Response> {
  const upload = await readUpload(req, s, "lke.xlsx");
  if (upload instanceof Response) return upload;
  const { user, ip, bytes, name } = upload;
  const result = await previewImport(user, assessmentId, bytes, name);
  if (result.outcome === "missing") return fail(404, "Penilaian tidak ditemukan.");
  if (result.outcome === "forbidden") {
    await auditRefusal(user, ip, "lke.import", {
      permission: "lke:import",
      reason: result.message,
      code: "FORBIDDEN",
      target: { assessmentId },
    });
    return fail(403, result.message);
  }
  if (result.outcome === "invalid") return fail(422, result.message);
  return Response.json(result.preview, { headers: { "Cache-Control": "no-store" } });
}

/** `POST /api/ikhtisar/impor-hasil?periode=…&lapisan=TPI|SELF`: preview of a bulk hasil sheet (writes nothing). */
export async function previewHasilRoute(req: Request, params: URLSearchParams, s?: Session): Promise<Response> {
  const upload = await readUpload(req, s, "hasil.xlsx");
  if (upload instanceof Response) return upload;
  const { user, ip, bytes, name } = upload;
  const layer = params.get("lapisan") === "SELF" ? "SELF" : "TPI";
  const result = await previewHasilImport(user, params.get("periode") ?? "", layer, bytes, name);
  if (result.outcome === "forbidden") {
    await auditRefusal(user, ip, "hasil.import", {
      permission: "hasil:import",
      reason: result.message,
      code: "FORBIDDEN",
    });
    return fail(403, result.message);
  }
  if (result.outcome === "invalid") return fail(422, result.message);
  if (result.outcome === "missing") return fail(404, "Periode tidak ditemukan.");
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}

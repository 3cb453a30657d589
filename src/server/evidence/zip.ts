/**
 * A unit's evidence for one LKE as one ZIP, laid out the way units keep it ("AREA I - … / 1.i.a <question> /
 * file.pdf"; see src/domain/evidence-folders.ts). Streamed with archiver: files are read one at a time while
 * the client downloads, so memory stays flat whatever the size. Same readers as the LKE.
 */
import { once } from "node:events";
import { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { writeAudit } from "@/server/audit";
import { can, type Principal } from "@/server/authz";
import { getDb } from "@/server/db/client";
import { assessmentEvidence } from "@/server/queries/evidence-folder";
import { getStorage } from "@/server/storage/storage";

const fail = (status: number, error: string) => Response.json({ error }, { status });

export async function evidenceZip(user: Principal, assessmentId: string, ip: string | null): Promise<Response> {
  const data = await assessmentEvidence(assessmentId);
  if (!data || data.assessment.instansiId !== user.instansiId) return fail(404, "Penilaian tidak ditemukan.");
  if (!can(user, "evidence:export", { instansiId: data.assessment.instansiId, unitId: data.assessment.unitId })) {
    return fail(403, "Anda tidak berwenang mengunduh bukti dukung unit ini.");
  }
  await getDb().$transaction((tx) =>
    writeAudit(tx, user, ip, {
      action: "evidence.downloadZip",
      entity: "Assessment",
      entityId: assessmentId,
      after: { files: data.files.length, bytes: data.files.reduce((n, f) => n + f.size, 0) },
    }),
  );

  // PDFs and images are compressed already; a light level keeps the CPU free.
  const archive = new ZipArchive({ zlib: { level: 1 } });
  const storage = getStorage();
  void (async () => {
    try {
      for (const f of data.files) {
        archive.append(await storage.get(f.storageKey), { name: f.path, date: f.uploadedAt });
        // One open file at a time: wait until archiver has written this entry.
        await once(archive, "entry");
      }
      await archive.finalize();
    } catch (e) {
      console.error("[evidence.zip]", e);
      archive.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  const name = `bukti-dukung-${data.assessment.unitCode.replace(/[^A-Za-z0-9]+/g, "-")}-${data.assessment.year}.zip`;
  return new Response(Readable.toWeb(archive) as ReadableStream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

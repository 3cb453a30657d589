import "server-only";
import { getDb } from "@/server/db/client";

export async function listPeriodesDetailed(instansiId: string) {
  return getDb().periode.findMany({
    where: { instansiId },
    orderBy: { year: "desc" },
    include: {
      catalogue: { select: { name: true } },
      stages: { orderBy: { startDate: "asc" } },
      _count: { select: { assessments: true } },
    },
  });
}

export async function getPeriode(instansiId: string, id: string) {
  return getDb().periode.findFirst({
    where: { id, instansiId },
    include: { stages: { orderBy: { startDate: "asc" } }, catalogue: { select: { name: true } } },
  });
}

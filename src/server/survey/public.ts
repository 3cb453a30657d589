/** What the public survey pages show: the round, its unit's name and instruments. Nothing internal. */
import { acceptsResponses } from "@/domain/survey/instruments";
import { getDb } from "@/server/db/client";
import { instrumentView } from "./results";

export async function publicRound(token: string) {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(token)) return null;
  const round = await getDb().surveyRound.findUnique({
    where: { token },
    include: { spak: true, spkp: true, unit: { select: { name: true, instansi: { select: { name: true } } } } },
  });
  if (!round) return null;
  return {
    token: round.token,
    title: round.title,
    open: acceptsResponses(round.status),
    unitName: round.unit.name,
    instansiName: round.unit.instansi.name,
    spak: instrumentView(round.spak),
    spkp: instrumentView(round.spkp),
  };
}
export type PublicRound = NonNullable<Awaited<ReturnType<typeof publicRound>>>;

import { createId } from "@/server/ids";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { CATALOGUES } from "@/domain/catalogue/registry";
import type { Catalogue } from "@/domain/catalogue/types";

/**
 * Mirrors each catalogue version from prisma/data into the Lke* tables (answers reference its
 * questions). A version is immutable once stored: a changed LKE is a new version id.
 */
export async function syncCatalogues(prisma: PrismaClient): Promise<string[]> {
  const existing = new Set((await prisma.lkeCatalogue.findMany({ select: { id: true } })).map((c) => c.id));
  const added: string[] = [];
  for (const catalogue of CATALOGUES.values()) {
    if (existing.has(catalogue.id)) continue;
    await prisma.$transaction(async (tx) => insertCatalogue(tx as unknown as PrismaClient, catalogue), {
      timeout: 60_000,
    });
    added.push(catalogue.id);
  }
  return added;
}

async function insertCatalogue(tx: PrismaClient, c: Catalogue) {
  const { questions, questionById, ...definition } = c;
  void questionById;
  await tx.lkeCatalogue.create({
    data: {
      id: c.id,
      name: c.name,
      regulation: c.regulation,
      year: c.year,
      settings: c.settings as object,
      definition: { ...definition, questionIds: questions.map((q) => q.id) } as object,
    },
  });
  const pengungkit = createId();
  const hasil = createId();
  await tx.lkeComponent.createMany({
    data: [
      {
        id: pengungkit,
        catalogueId: c.id,
        code: "PENGUNGKIT",
        kind: "PENGUNGKIT",
        name: "Komponen Pengungkit",
        weight: c.weights.pengungkit,
        minWbk: c.thresholds.WBK.pengungkit,
        minWbbm: c.thresholds.WBBM.pengungkit,
        position: 1,
      },
      {
        id: hasil,
        catalogueId: c.id,
        code: "HASIL",
        kind: "HASIL",
        name: "Komponen Hasil",
        weight: c.weights.hasil,
        position: 2,
      },
    ],
  });

  const areas: Prisma.LkeAreaCreateManyInput[] = [];
  const subAreas: Prisma.LkeSubAreaCreateManyInput[] = [];
  const indicators: Prisma.LkeIndicatorCreateManyInput[] = [];
  const rows: Prisma.LkeQuestionCreateManyInput[] = [];
  const options: Prisma.LkeOptionCreateManyInput[] = [];
  for (const [ai, area] of c.areas.entries()) {
    const areaId = createId();
    areas.push({
      id: areaId,
      catalogueId: c.id,
      componentId: pengungkit,
      code: area.id,
      name: area.name,
      weight: area.weight,
      minWbkPct: area.minPct.WBK,
      minWbbmPct: area.minPct.WBBM,
      position: ai + 1,
    });
    for (const [si, sub] of area.subAreas.entries()) {
      const subAreaId = createId();
      subAreas.push({
        id: subAreaId,
        catalogueId: c.id,
        areaId,
        code: sub.id,
        kind: sub.kind,
        name: sub.name,
        weight: sub.weight,
        position: si + 1,
      });
      for (const [ii, ind] of sub.indicators.entries()) {
        const indicatorId = createId();
        indicators.push({
          id: indicatorId,
          catalogueId: c.id,
          areaId,
          subAreaId,
          code: ind.id,
          name: ind.name,
          weight: ind.weight,
          position: ii + 1,
        });
        for (const [qi, q] of ind.questions.entries()) {
          const questionId = createId();
          rows.push({
            id: questionId,
            catalogueId: c.id,
            areaId,
            indicatorId,
            code: q.id,
            text: q.text,
            answerType: q.answerType,
            weight: q.weight,
            inputs: q.inputs.length ? (q.inputs as object) : undefined,
            formula: q.formula ? (q.formula as object) : undefined,
            position: qi + 1,
          });
          q.options.forEach((o, oi) =>
            options.push({
              id: createId(),
              questionId,
              label: o.label,
              criteria: o.criteria,
              score: o.score,
              position: oi + 1,
            }),
          );
        }
      }
    }
  }
  // Hasil: two sub-components (areas HB, HP) with their indicators, each answered by one input.
  const h = c.hasil;
  const hb = createId();
  const hp = createId();
  areas.push(
    {
      id: hb,
      catalogueId: c.id,
      componentId: hasil,
      code: h.birokrasiBersih.id,
      name: h.birokrasiBersih.name,
      weight: h.birokrasiBersih.weight,
      minWbk: h.birokrasiBersih.min.WBK,
      minWbbm: h.birokrasiBersih.min.WBBM,
      position: 7,
    },
    {
      id: hp,
      catalogueId: c.id,
      componentId: hasil,
      code: h.pelayananPrima.id,
      name: h.pelayananPrima.name,
      weight: h.pelayananPrima.weight,
      minWbk: h.pelayananPrima.min.WBK,
      minWbbm: h.pelayananPrima.min.WBBM,
      position: 8,
    },
  );
  const hasilIndicators: [string, typeof h.ipak | typeof h.capaianKinerja, "INDEKS_SURVEI" | "ABCDE"][] = [
    [hb, h.ipak, "INDEKS_SURVEI"],
    [hb, h.capaianKinerja, "ABCDE"],
    [hp, h.ipkp, "INDEKS_SURVEI"],
  ];
  for (const [i, [areaId, ind, answerType]] of hasilIndicators.entries()) {
    const indicatorId = createId();
    indicators.push({
      id: indicatorId,
      catalogueId: c.id,
      areaId,
      code: ind.id,
      name: ind.name,
      weight: ind.weight,
      minWbk: ind.min.WBK,
      minWbbm: ind.min.WBBM,
      position: i + 1,
    });
    const questionId = createId();
    rows.push({
      id: questionId,
      catalogueId: c.id,
      areaId,
      indicatorId,
      code: ind.id,
      text: ind.name,
      answerType,
      weight: ind.weight,
      position: 1,
    });
    if ("options" in ind)
      ind.options.forEach((o, oi) =>
        options.push({
          id: createId(),
          questionId,
          label: o.label,
          criteria: o.criteria,
          score: o.score,
          position: oi + 1,
        }),
      );
  }
  await tx.lkeArea.createMany({ data: areas });
  await tx.lkeSubArea.createMany({ data: subAreas });
  await tx.lkeIndicator.createMany({ data: indicators });
  await tx.lkeQuestion.createMany({ data: rows });
  await tx.lkeOption.createMany({ data: options });
}

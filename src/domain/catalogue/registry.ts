import lke2021 from "../../../prisma/data/lke-2021.json" with { type: "json" };
import lke2026 from "../../../prisma/data/lke-2026.json" with { type: "json" };
import { normalizeCatalogue, type RawCatalogue } from "./normalize";
import type { Catalogue } from "./types";

/** Every LKE version the app knows, by id. Adding a year = adding a JSON file here. */
export const CATALOGUES: ReadonlyMap<string, Catalogue> = new Map(
  [lke2021, lke2026].map((raw) => {
    const catalogue = normalizeCatalogue(raw as unknown as RawCatalogue);
    return [catalogue.id, catalogue];
  }),
);

export const DEFAULT_CATALOGUE_ID = "permenpanrb-90-2021";

export function getCatalogue(id: string): Catalogue {
  const catalogue = CATALOGUES.get(id);
  if (!catalogue) throw new Error(`Katalog LKE "${id}" tidak dikenal`);
  return catalogue;
}

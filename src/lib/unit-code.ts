/** A unit's code in public addresses (/publik/<code>): its short name in lower case, words joined by "-". */
export function publicUnitCode(shortName: string): string {
  return shortName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

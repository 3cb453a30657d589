/**
 * NIP PNS (18 digits): birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM, gender 1/2, serial 3 digits.
 * Returns an Indonesian message for an invalid NIP, or null when it is well-formed.
 */
export function nipProblem(nip: string): string | null {
  if (!/^\d{18}$/.test(nip)) return "NIP harus 18 digit angka";
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1940 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return "8 digit pertama NIP harus tanggal lahir yang sah (TTTTBBHH)";
  }
  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  if (tmtYear < y + 15 || tmtMonth < 1 || tmtMonth > 12)
    return "Digit 9–14 NIP harus bulan pengangkatan yang sah (TTTTBB)";
  if (!["1", "2"].includes(nip[14])) return "Digit ke-15 NIP (jenis kelamin) harus 1 atau 2";
  return null;
}

"use server";

import "server-only";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ACTIVE_YEAR_COOKIE } from "@/server/periode";

const schema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Remembers which program year the user is looking at (a browser preference, not a data change). */
export async function setActiveYearAction(input: { year: number }) {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false as const, error: "Tahun tidak sah." };
  (await cookies()).set(ACTIVE_YEAR_COOKIE, String(parsed.data.year), {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath("/", "layout");
  return { ok: true as const };
}

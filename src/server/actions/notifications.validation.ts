import { z } from "zod";
import { NOTIFICATION_KINDS } from "@/domain/notifications";

export const markNotificationReadSchema = z.object({ id: z.string().min(1, "Notifikasi tidak dikenal").max(64) });
export const markAllNotificationsReadSchema = z.object({});
export const saveNotificationPreferencesSchema = z.object({
  /** The kinds that also go by email; every other kind stays in the inbox only. */
  emailKinds: z.array(z.enum(NOTIFICATION_KINDS, "Jenis notifikasi tidak dikenal")).max(NOTIFICATION_KINDS.length),
  /** Of those, the kinds collected into one email a day instead (offered to TPI and PIMPINAN). */
  digestKinds: z
    .array(z.enum(NOTIFICATION_KINDS, "Jenis notifikasi tidak dikenal"))
    .max(NOTIFICATION_KINDS.length)
    .default([]),
});
export type SaveNotificationPreferencesInput = z.infer<typeof saveNotificationPreferencesSchema>;

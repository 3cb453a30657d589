import { z } from "zod";

export const setSeparationOfDutiesSchema = z.object({ enabled: z.boolean({ message: "Pilih aktif atau tidak" }) });

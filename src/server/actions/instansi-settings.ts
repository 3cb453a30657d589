"use server";

import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { defineAction } from "./define-action";
import {
  createApiTokenSchema,
  LOGO_TYPES,
  revokeApiTokenSchema,
  setInstansiLogoSchema,
} from "./instansi-settings.validation";
import { NotFoundError, UserError } from "@/server/errors";
import { hashApiToken, newApiToken, tokenDisplayPrefix } from "@/server/portalrb/tokens";

/** ADMIN creates a PortalRB token for the instansi; the token is returned once and only its hash is kept. */
export const createApiTokenAction = defineAction({
  name: "apiToken.create",
  schema: createApiTokenSchema,
  permission: "instansi:manage",
  async handler({ name }, { tx, user, audit }) {
    const token = newApiToken();
    const row = await tx.apiToken.create({
      data: {
        instansiId: user.instansiId,
        name,
        tokenHash: hashApiToken(token),
        prefix: tokenDisplayPrefix(token),
        createdById: user.id,
      },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await audit({ entity: "ApiToken", entityId: row.id, after: row });
    return { id: row.id, name: row.name, token };
  },
});

export const revokeApiTokenAction = defineAction({
  name: "apiToken.revoke",
  schema: revokeApiTokenSchema,
  permission: "instansi:manage",
  async handler({ id }, { tx, user, audit }) {
    const row = await tx.apiToken.findFirst({
      where: { id, instansiId: user.instansiId },
      select: { id: true, name: true, revokedAt: true },
    });
    if (!row) throw new NotFoundError("Token tidak ditemukan.");
    if (row.revokedAt) throw new UserError("Token ini sudah dicabut.");
    const revokedAt = new Date();
    await tx.apiToken.update({ where: { id }, data: { revokedAt, revokedById: user.id } });
    await audit({
      entity: "ApiToken",
      entityId: id,
      before: { revokedAt: null },
      after: { name: row.name, revokedAt },
    });
    return { id };
  },
});

/** The logo on the kop of the printed rapor and LHE. */
export const setInstansiLogoAction = defineAction({
  name: "instansi.logo",
  schema: setInstansiLogoSchema,
  permission: "instansi:manage",
  async handler({ logo }, { tx, user, audit }) {
    let data: { logo: Uint8Array<ArrayBuffer> | null; logoMimeType: string | null } = {
      logo: null,
      logoMimeType: null,
    };
    if (logo) {
      const bytes = new Uint8Array(await logo.arrayBuffer());
      // Judge the file by its bytes, not by the name or the type the browser claims.
      const type = await fileTypeFromBuffer(bytes);
      if (!type || !(LOGO_TYPES as readonly string[]).includes(type.mime)) {
        throw new UserError("Logo harus berupa gambar PNG atau JPEG.", { logo: "Hanya PNG atau JPEG" });
      }
      data = { logo: bytes, logoMimeType: type.mime };
    }
    const before = await tx.instansi.findUniqueOrThrow({
      where: { id: user.instansiId },
      select: { logoMimeType: true },
    });
    await tx.instansi.update({ where: { id: user.instansiId }, data });
    await audit({
      entity: "Instansi",
      entityId: user.instansiId,
      before,
      after: { logoMimeType: data.logoMimeType, size: data.logo?.length ?? 0 },
    });
    return { set: !!data.logo };
  },
});

import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/server/auth/guard";
import { instansiSettings } from "@/server/queries/instansi-settings";
import { LogoForm } from "./logo-form";
import { TokenPanel } from "./token-panel";

export const metadata: Metadata = { title: "Instansi & PortalRB" };

export default async function InstansiSettingsPage() {
  const user = await requirePermission("instansi:manage");
  const settings = await instansiSettings(user.instansiId);
  return (
    <>
      <PageHeader
        title="Instansi & PortalRB"
        description={`${settings.name}: logo kop laporan cetak dan token API untuk PortalRB KemenPANRB.`}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Logo kop" description="Tampil di kop rapor dan LHE PDF. PNG atau JPEG, maksimal 512 KB." />
          <CardBody>
            <LogoForm hasLogo={settings.hasLogo} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Token API PortalRB"
            description="PortalRB memanggil /api/portalrb/pengusulan/unit-wbk, /unit-wbbm dan /lke/jawaban-unit/{kode unit} dengan token ini. Token hanya ditampilkan sekali saat dibuat; yang tersimpan hanya sidiknya."
          />
          <CardBody>
            <TokenPanel
              tokens={settings.tokens.map((t) => ({
                ...t,
                createdAt: t.createdAt.toISOString(),
                lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
                revokedAt: t.revokedAt?.toISOString() ?? null,
              }))}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}

import type { Permission } from "@/server/authz";

export interface NavItem {
  href: string;
  label: string;
  icon: "home" | "clipboard" | "chart" | "flag" | "calendar" | "award" | "building" | "users" | "cog" | "history";
  /** Shown only to users holding this permission; none = everyone. */
  permission?: Permission;
  group?: "Administrasi";
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Beranda", icon: "home" },
  { href: "/provinsi", label: "Rekap Provinsi", icon: "chart", permission: "province:read" },
  { href: "/penilaian", label: "Penilaian LKE", icon: "clipboard", permission: "assessment:read" },
  { href: "/ikhtisar", label: "Ikhtisar Unit", icon: "chart", permission: "overview:read" },
  { href: "/pencanangan", label: "Pencanangan", icon: "flag", permission: "pencanangan:read" },
  { href: "/linimasa", label: "Linimasa", icon: "calendar", permission: "timeline:read" },
  { href: "/monev", label: "Monev Rencana Aksi", icon: "clipboard", permission: "monev:read" },
  { href: "/penetapan", label: "Penetapan", icon: "award", permission: "penetapan:read" },
  { href: "/pengaduan", label: "Pengaduan Masyarakat", icon: "flag", permission: "pengaduan:read" },
  { href: "/halaman-publik", label: "Halaman Publik", icon: "building", permission: "dokumen-publik:manage" },
  { href: "/hasil-survei", label: "Survei Layanan", icon: "chart", permission: "survey:read" },
  { href: "/admin/unit", label: "Unit Kerja", icon: "building", permission: "unit:manage", group: "Administrasi" },
  { href: "/admin/pengguna", label: "Pengguna", icon: "users", permission: "user:manage", group: "Administrasi" },
  { href: "/admin/periode", label: "Periode", icon: "cog", permission: "periode:manage", group: "Administrasi" },
  {
    href: "/admin/instansi",
    label: "Instansi & PortalRB",
    icon: "cog",
    permission: "instansi:manage",
    group: "Administrasi",
  },
  {
    href: "/admin/survei",
    label: "Instrumen Survei",
    icon: "cog",
    permission: "survey:instrument",
    group: "Administrasi",
  },
  { href: "/admin/audit", label: "Log Audit", icon: "history", permission: "audit:read", group: "Administrasi" },
  { href: "/admin/antrean", label: "Antrean Kirim", icon: "history", permission: "queue:read", group: "Administrasi" },
];

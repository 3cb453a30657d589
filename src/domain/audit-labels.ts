/** How the audit log names what happened, for Bagian Organisasi: Indonesian, in their words. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "answer.save": "Jawaban LKE disimpan",
  "answer.review": "Jawaban direviu TPI",
  "answer.review.accept": "Jawaban diterima TPI",
  "hasil.save": "Komponen hasil disimpan",
  "hasil.review": "Komponen hasil direviu TPI",
  "hasil.save.survey": "IPAK/IPKP diambil dari survei (unit)",
  "hasil.review.survey": "IPAK/IPKP diambil dari survei (TPI)",
  "survey.round.open": "Putaran survei dibuka",
  "survey.round.close": "Putaran survei ditutup",
  "survey.response.void": "Jawaban survei dibatalkan",
  "survey.respond": "Jawaban survei diterima",
  "survey.instrument.save": "Instrumen survei diubah",
  "assessment.create": "LKE dibuat",
  "assessment.submit": "LKE diajukan ke TPI",
  "assessment.startReview": "Reviu TPI dimulai",
  "assessment.return": "LKE dikembalikan untuk perbaikan",
  "assessment.finalize": "LKE difinalkan TPI",
  "assessment.approve": "LKE disetujui pimpinan",
  "assessment.sendBack": "LKE dikembalikan pimpinan ke TPI",
  "assessment.reopen": "Pengisian LKE dibuka kembali",
  "assessment.close": "Pembukaan kembali LKE ditutup",
  "proposal.afirmasi": "Afirmasi usulan PortalRB diubah",
  "report.lhe.archive": "LHE tahap I diarsipkan",
  "evidence.upload": "Bukti dukung diunggah",
  "evidence.delete": "Bukti dukung dihapus",
  "evidence.download": "Bukti dukung diunduh",
  "evidence.downloadZip": "Bukti dukung unit diunduh (ZIP)",
  "evidence.publicList": "Daftar bukti dukung dibuka lewat tautan PortalRB",
  "evidence.publicDownload": "Bukti dukung diunduh lewat tautan PortalRB",
  "apiToken.create": "Token API PortalRB dibuat",
  "apiToken.revoke": "Token API PortalRB dicabut",
  "portalrb.request": "Permintaan API PortalRB",
  "portalrb.refused": "Permintaan API PortalRB ditolak",
  "instansi.logo": "Logo instansi diubah",
  "report.rapor": "Rapor PDF diunduh",
  "report.lhe": "LHE PDF diunduh",
  "pencanangan.create": "Pencanangan dicatat",
  "pencanangan.update": "Pencanangan diubah",
  "penetapan.create": "Penetapan dicatat",
  "penetapan.update": "Penetapan diubah",
  "penetapan.record": "Penetapan dicatat",
  "periode.create": "Periode dibuat",
  "periode.updateSchedule": "Jadwal periode diubah",
  "rencanaAksi.create": "Rencana aksi dibuat",
  "rencanaAksi.update": "Rencana aksi diubah",
  "rencanaAksi.setStatus": "Status rencana aksi diubah",
  "unit.create": "Unit kerja dibuat",
  "unit.update": "Unit kerja diubah",
  "unit.activate": "Unit kerja diaktifkan",
  "unit.deactivate": "Unit kerja dinonaktifkan",
  "user.create": "Pengguna dibuat",
  "user.update": "Pengguna diubah",
  "user.activate": "Akun diaktifkan",
  "user.deactivate": "Akun dinonaktifkan",
  "user.resetPassword": "Kata sandi diatur ulang admin",
  "user.changeOwnPassword": "Kata sandi diganti pemiliknya",
  "auth.signIn": "Masuk",
  "auth.signInFailed": "Gagal masuk",
  "instansi.setup": "Instansi didaftarkan (npm run setup)",
  "access.denied": "Tindakan ditolak (tanpa wewenang)",
  "audit.export": "Log audit diekspor",
  "directory.preview": "Impor unit & pengguna dipratinjau",
  "directory.import": "Unit & pengguna diimpor dari .xlsx",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Action: "Tindakan",
  Answer: "Jawaban LKE",
  AuditLog: "Log audit",
  Assessment: "LKE",
  Evidence: "Bukti dukung",
  HasilInput: "Komponen hasil",
  SurveyRound: "Putaran survei",
  SurveyResponse: "Jawaban survei",
  SurveyInstrument: "Instrumen survei",
  Instansi: "Instansi",
  Pencanangan: "Pencanangan",
  Penetapan: "Penetapan",
  Periode: "Periode",
  RencanaAksi: "Rencana aksi",
  Unit: "Unit kerja",
  User: "Pengguna",
};

/** The Indonesian name, or the code itself for an action without one yet. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITY_LABELS[entity] ?? entity;
}

/** What the entry touched, named: a refusal names the action that was tried. */
export function auditTargetLabel(entity: string, entityId: string): string {
  return entity === "Action" ? `${auditActionLabel(entityId)} (dicoba)` : `${auditEntityLabel(entity)} ${entityId}`;
}

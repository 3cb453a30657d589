import { describe, expect, test } from "vitest";
import { DUTY_MESSAGES, type Capability } from "@/domain/assessment-policy";
import type { ActionResult } from "@/server/actions/define-action";
import { saveTpiHasilAction } from "@/server/actions/lke-answers";
import { acceptRemainingAction, reviewQuestionAction } from "@/server/actions/lke-review";
import {
  approveAssessmentAction,
  finalizeAssessmentAction,
  reopenAssessmentAction,
  returnAssessmentAction,
  sendBackAssessmentAction,
  submitAssessmentAction,
} from "@/server/actions/lke-chain";
import { createUserAction, updateUserAction } from "@/server/actions/users";
import { setSeparationOfDutiesAction } from "@/server/actions/instansi";
import { loadAssessment } from "@/server/lke/context";
import { loadPolicy } from "@/server/lke/policy";
import { pinToday, sessionAs, useTestDatabase } from "./db";

const db = useTestDatabase();
const year = new Date().getFullYear();
const today = pinToday();

async function assessmentOf(shortName: string) {
  return db.prisma.assessment.findFirstOrThrow({ where: { unit: { shortName }, periode: { year } } });
}

type Session = Awaited<ReturnType<typeof sessionAs>>;

const CHAIN: Partial<Record<Capability, (assessmentId: string, s: Session) => Promise<ActionResult<unknown>>>> = {
  submit: (id, s) => submitAssessmentAction.run({ assessmentId: id }, s),
  return: (id, s) => returnAssessmentAction.run({ assessmentId: id }, s),
  finalize: (id, s) => finalizeAssessmentAction.run({ assessmentId: id }, s),
  approve: (id, s) => approveAssessmentAction.run({ assessmentId: id }, s),
  sendBack: (id, s) => sendBackAssessmentAction.run({ assessmentId: id, reason: "Mohon periksa ulang area B." }, s),
  reopen: (id, s) =>
    reopenAssessmentAction.run(
      { assessmentId: id, until: `${year}-12-31`, reason: "Perpanjangan karena mutasi pegawai" },
      s,
    ),
};

// The admin first: its reopenings then open the fill window for the units' own steps.
const USERS = [
  "admin@contoh.go.id",
  "operator.dinkes@contoh.go.id",
  "kepala.dinkes@contoh.go.id",
  "kepala.dpmptsp@contoh.go.id",
  "tpi@contoh.go.id",
  "tpi2@contoh.go.id",
  "pimpinan@contoh.go.id",
];
// Draft, returned, in review (TPI 1), submitted (TPI 2), finalised: every place in the chain the demo holds.
const UNITS = ["Dinkes", "DPMPTSP", "Disdukcapil", "Bapenda", "RSUD"];

describe("the actions refuse exactly what the assessment policy refuses", () => {
  test(`every chain action × ${USERS.length} users × ${UNITS.length} LKEs`, async () => {
    let compared = 0;
    const allowed: string[] = [];
    for (const shortName of UNITS) {
      for (const email of USERS) {
        const session = await sessionAs(db.prisma, email);
        for (const [cap, run] of Object.entries(CHAIN) as [Capability, NonNullable<(typeof CHAIN)[Capability]>][]) {
          const a = await assessmentOf(shortName);
          const policy = await loadPolicy(db.prisma, session.user, await loadAssessment(db.prisma, a.id), today);
          const decision = policy.capabilities[cap];
          const result = await run(a.id, session);
          const where = `${cap} by ${email} on ${shortName} (${a.status})`;
          expect(result.ok, where).toBe(decision.allowed);
          if (!decision.allowed && !result.ok) {
            expect(result.code, where).toBe(decision.code);
            // A role the user lacks altogether is refused by the permission table before the policy speaks.
            if (decision.code !== "FORBIDDEN") expect(result.error, where).toBe(decision.reason);
          }
          if (decision.allowed) allowed.push(`${cap} ${shortName}`);
          compared++;
        }
      }
    }
    expect(compared).toBe(UNITS.length * USERS.length * Object.keys(CHAIN).length);
    // The matrix reaches real moves, not only refusals.
    expect(allowed).toEqual(expect.arrayContaining(["reopen Dinkes", "reopen RSUD", "approve RSUD"]));
  });
});

describe("separation of duties", () => {
  async function admin() {
    return sessionAs(db.prisma, "admin@contoh.go.id");
  }
  async function unitId(shortName: string) {
    return (await db.prisma.unit.findFirstOrThrow({ where: { shortName } })).id;
  }
  const userInput = (
    u: { id: string; name: string; nip: string | null; email: string },
    roles: string[],
    units: { tpi?: string[]; opd?: string },
  ) => ({
    id: u.id,
    name: u.name,
    nip: u.nip ?? "",
    email: u.email,
    unitId: "",
    roles,
    tpiUnitIds: units.tpi ?? [],
    opdUnitId: units.opd ?? "",
    active: true,
  });

  test("nobody holds an OPD role and TPI for the same unit; nothing is written", async () => {
    const disdukcapil = await unitId("Disdukcapil");
    const before = await db.prisma.roleAssignment.count();
    const created = await createUserAction.run(
      {
        name: "Dua Peran",
        nip: "",
        email: "dua.peran@contoh.go.id",
        unitId: "",
        roles: ["TPI", "OPERATOR_OPD"],
        tpiUnitIds: [disdukcapil],
        opdUnitId: disdukcapil,
        active: true,
        password: "RahasiaKuat2026",
      },
      await admin(),
    );
    expect(created).toMatchObject({ ok: false, code: "SEPARATION_OF_DUTIES", error: DUTY_MESSAGES.roleConflict });
    const tpi = await db.prisma.user.findUniqueOrThrow({ where: { email: "tpi@contoh.go.id" } });
    const updated = await updateUserAction.run(
      userInput(tpi, ["TPI", "KEPALA_OPD"], { tpi: [disdukcapil], opd: disdukcapil }),
      await admin(),
    );
    expect(updated).toMatchObject({ ok: false, code: "SEPARATION_OF_DUTIES" });
    expect(await db.prisma.roleAssignment.count()).toBe(before);
    expect(await db.prisma.user.count({ where: { email: "dua.peran@contoh.go.id" } })).toBe(0);
  });

  test("an admin cannot change their own roles", async () => {
    const s = await admin();
    const me = await db.prisma.user.findUniqueOrThrow({ where: { id: s.user.id } });
    const result = await updateUserAction.run(userInput(me, ["ADMIN", "PIMPINAN"], {}), s);
    expect(result).toEqual({ ok: false, code: "SEPARATION_OF_DUTIES", error: DUTY_MESSAGES.ownRoles });
    expect(await db.prisma.roleAssignment.count({ where: { userId: me.id } })).toBe(1);
    // Their name may still change.
    expect(
      (await updateUserAction.run({ ...userInput(me, ["ADMIN"], {}), name: "Admin Bagian Organisasi" }, s)).ok,
    ).toBe(true);
  });

  test("whoever filled the unit's answers cannot review them, even after moving to TPI", async () => {
    const disdukcapil = await unitId("Disdukcapil");
    const a = await assessmentOf("Disdukcapil");
    const operator = await db.prisma.user.findUniqueOrThrow({ where: { email: "operator.disdukcapil@contoh.go.id" } });
    expect(
      await db.prisma.answer.count({ where: { assessmentId: a.id, layer: "SELF", updatedById: operator.id } }),
    ).toBeGreaterThan(0);
    // The operator leaves the unit's side and becomes its TPI: allowed as roles go…
    expect((await updateUserAction.run(userInput(operator, ["TPI"], { tpi: [disdukcapil] }), await admin())).ok).toBe(
      true,
    );
    const asTpi = await sessionAs(db.prisma, operator.email);
    // …but not for the LKE they filled.
    const pending = await db.prisma.answer.findFirstOrThrow({
      where: { assessmentId: a.id, layer: "SELF", reviewStatus: "PENDING", NOT: { optionLabel: null } },
      include: { question: true },
    });
    const auditBefore = await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } });
    const review = await reviewQuestionAction.run(
      {
        assessmentId: a.id,
        questionCode: pending.question.code,
        tpiVersion: 0,
        seenReviewStatus: "PENDING",
        decision: "ACCEPT",
      },
      asTpi,
    );
    expect(review).toEqual({ ok: false, code: "SEPARATION_OF_DUTIES", error: DUTY_MESSAGES.editedSelf });
    const finalize = await finalizeAssessmentAction.run({ assessmentId: a.id }, asTpi);
    expect(finalize).toMatchObject({ ok: false, code: "SEPARATION_OF_DUTIES" });
    expect(await db.prisma.auditLog.count({ where: { action: { not: "access.denied" } } })).toBe(auditBefore);
    expect((await db.prisma.answer.findUniqueOrThrow({ where: { id: pending.id } })).reviewStatus).toBe("PENDING");

    // With the instansi's setting off (an audited admin action), the same review goes through.
    expect(await setSeparationOfDutiesAction.run({ enabled: false }, await admin())).toEqual({
      ok: true,
      data: { enabled: false },
    });
    expect(await db.prisma.auditLog.count({ where: { action: "instansi.separationOfDuties" } })).toBe(1);
    try {
      const allowed = await reviewQuestionAction.run(
        {
          assessmentId: a.id,
          questionCode: pending.question.code,
          tpiVersion: 0,
          seenReviewStatus: "PENDING",
          decision: "ACCEPT",
        },
        asTpi,
      );
      expect(allowed.ok).toBe(true);
    } finally {
      expect((await setSeparationOfDutiesAction.run({ enabled: true }, await admin())).ok).toBe(true);
    }
    // Only an admin may change the setting.
    expect(await setSeparationOfDutiesAction.run({ enabled: false }, asTpi)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  test("the TPI who finalised cannot approve; another pimpinan can", async () => {
    const a = await assessmentOf("Disdukcapil");
    const tpiRow = await db.prisma.user.findUniqueOrThrow({
      where: { email: "tpi@contoh.go.id" },
      include: { roles: true },
    });
    // The TPI is also made pimpinan (allowed: pimpinan is not a role on the unit's side).
    const tpiUnits = tpiRow.roles.filter((r) => r.role === "TPI").map((r) => r.unitId!);
    expect(
      (await updateUserAction.run(userInput(tpiRow, ["TPI", "PIMPINAN"], { tpi: tpiUnits }), await admin())).ok,
    ).toBe(true);
    const tpi = await sessionAs(db.prisma, "tpi@contoh.go.id");
    expect((await acceptRemainingAction.run({ assessmentId: a.id, areaId: null }, tpi)).ok).toBe(true);
    const hasil = await db.prisma.hasilInput.findUnique({
      where: { assessmentId_layer: { assessmentId: a.id, layer: "TPI" } },
    });
    const saved = await saveTpiHasilAction.run(
      {
        assessmentId: a.id,
        ipak: 3.6,
        ipkp: 3.5,
        capaianKinerja: "B",
        catatan: "Sesuai survei terbaru",
        version: hasil?.version ?? 0,
      },
      tpi,
    );
    expect(saved.ok).toBe(true);
    expect((await finalizeAssessmentAction.run({ assessmentId: a.id }, tpi)).ok).toBe(true);
    expect((await db.prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).finalizedById).toBe(tpi.user.id);

    const refused = await approveAssessmentAction.run({ assessmentId: a.id }, tpi);
    expect(refused).toEqual({ ok: false, code: "SEPARATION_OF_DUTIES", error: DUTY_MESSAGES.finalizedApprove });
    expect((await db.prisma.assessment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("FINALIZED");
    expect(
      (await approveAssessmentAction.run({ assessmentId: a.id }, await sessionAs(db.prisma, "pimpinan@contoh.go.id")))
        .ok,
    ).toBe(true);
  });
});

describe("attribution", () => {
  test("a TPI review keeps the unit's 'filled by … at …' line; the TPI's action is its own row", async () => {
    const a = await assessmentOf("Bapenda");
    const tpi2 = await sessionAs(db.prisma, "tpi2@contoh.go.id");
    const self = await db.prisma.answer.findFirstOrThrow({
      where: { assessmentId: a.id, layer: "SELF", reviewStatus: "PENDING", NOT: { optionLabel: null } },
      include: { question: true },
    });
    const reviewed = await reviewQuestionAction.run(
      {
        assessmentId: a.id,
        questionCode: self.question.code,
        tpiVersion: 0,
        seenReviewStatus: "PENDING",
        decision: "ACCEPT",
        note: "Bukti lengkap.",
      },
      tpi2,
    );
    expect(reviewed.ok).toBe(true);
    const after = await db.prisma.answer.findUniqueOrThrow({ where: { id: self.id } });
    expect(after.reviewStatus).toBe("ACCEPTED");
    expect(after.updatedById).toBe(self.updatedById);
    expect(after.updatedAt.toISOString()).toBe(self.updatedAt.toISOString());
    const tpiRow = await db.prisma.answer.findFirstOrThrow({
      where: { assessmentId: a.id, layer: "TPI", questionId: self.questionId },
    });
    expect(tpiRow.updatedById).toBe(tpi2.user.id);
  });
});

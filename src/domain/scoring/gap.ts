/**
 * Gap analysis, "jalan tercepat menuju WBK": which LKE answers to raise, and which unmet conditions
 * no LKE answer can raise (survey and outcome figures, the predicate already held).
 *
 * The path towards a predicate is the smallest set of questions raised to their best answer that
 * clears every unmet condition answers can clear. It is built greedily:
 *   1. for each failing area, that area's largest gains until the area reaches its minimum;
 *   2. then the largest remaining gains overall until pengungkit and total reach theirs.
 * Why this is minimal: area X needs at least k_X questions from X, where k_X is the count its own
 * largest gains need. Among all sets of N questions with at least k_X from every failing area X,
 * "top k_X of each failing area, then the top remaining overall" has the largest total gain (swap
 * any other choice for one of those without lowering the sum), and it satisfies the area minimums.
 * So the first N at which this set also reaches pengungkit and total is the smallest possible.
 */
import type { Catalogue, PredicateCode } from "../catalogue/types";
import { formatPercent, formatScore } from "./format";
import { compileCatalogue, meetsThreshold, SCORE_EPSILON, scoreAssessment } from "./score";
import type {
  Answers,
  ConditionCode,
  GapAnalysis,
  NotClearableCondition,
  PredicatePath,
  QuestionImprovement,
  Scorecard,
  ScoreCondition,
  ScoringInput,
  UnmetCondition,
} from "./types";

const NOT_ANSWERED = "belum dijawab";

/** Every question below its best answer, largest gain first (ties keep catalogue order). */
export function rankImprovements(catalogue: Catalogue, answers: Answers, scorecard: Scorecard): QuestionImprovement[] {
  const { bestOption } = compileCatalogue(catalogue);
  const list: QuestionImprovement[] = [];
  for (const q of catalogue.questions) {
    const result = scorecard.questions[q.id];
    const current = result ? result.score : 0;
    const answered = result ? result.answered : false;
    const isPercentage = q.answerType === "PERSENTASE";
    const best = isPercentage ? { label: "100%", score: 1 } : bestOption.get(q.id)!;
    const gain = q.weight * (best.score - current);
    if (!(gain > SCORE_EPSILON)) continue;
    const raw = answers[q.id];
    const from = !answered ? null : isPercentage ? formatPercent(current * 100) : String(raw);
    list.push({
      questionId: q.id,
      text: q.text,
      areaId: q.areaId,
      subAreaId: q.subAreaId,
      indicatorId: q.indicatorId,
      answerType: q.answerType,
      weight: q.weight,
      currentScore: current,
      gain,
      answered,
      from,
      to: best.label,
      fromLabel: from ?? NOT_ANSWERED,
      improvedValue: isPercentage ? 100 : best.label,
    });
  }
  // Array.prototype.sort is stable; gains within 1e-12 count as equal so float noise cannot reorder ties.
  return list.sort((a, b) => (Math.abs(b.gain - a.gain) > 1e-12 ? b.gain - a.gain : 0));
}

function notClearable(
  condition: UnmetCondition,
  maxByCode: Partial<Record<ConditionCode, number>>,
): NotClearableCondition {
  const code = condition.code;
  const because = (text: string) => `${condition.label}: ${text}`;
  switch (code) {
    case "ipak":
      return {
        code,
        reason: "survey",
        condition,
        label: because("nilai IPAK berasal dari survei persepsi anti korupsi, tidak dapat dipenuhi lewat jawaban LKE"),
      };
    case "ipkp":
      return {
        code,
        reason: "survey",
        condition,
        label: because(
          "nilai IPKP berasal dari survei persepsi kualitas pelayanan, tidak dapat dipenuhi lewat jawaban LKE",
        ),
      };
    case "capaianKinerja":
      return {
        code,
        reason: "outcome",
        condition,
        label: because("capaian kinerja adalah hasil kinerja unit, tidak dapat dipenuhi lewat jawaban LKE"),
      };
    case "birokrasiBersih":
      return {
        code,
        reason: "outcome",
        condition,
        label: because("nilai ini dibentuk oleh IPAK dan capaian kinerja, tidak dapat dipenuhi lewat jawaban LKE"),
      };
    case "previousPredicate":
      return {
        code,
        reason: "predicate",
        condition,
        label: because("predikat sebelumnya tidak dapat dipenuhi lewat jawaban LKE"),
      };
    default: {
      const max = maxByCode[code] ?? (condition as ScoreCondition).actual;
      return {
        code,
        reason: "insufficient",
        condition,
        label: because(`dengan semua jawaban LKE terbaik pun nilainya hanya ${formatScore(max)}`),
      };
    }
  }
}

function predicatePath(
  scorecard: Scorecard,
  ranking: readonly QuestionImprovement[],
  predicate: PredicateCode,
): PredicatePath {
  const verdict = predicate === "WBK" ? scorecard.wbk : scorecard.wbbm;
  const steps: QuestionImprovement[] = [];
  const areaGain = new Map<string, number>();
  let sumGain = 0;
  const choose = (imp: QuestionImprovement) => {
    steps.push(imp);
    sumGain += imp.gain;
    areaGain.set(imp.areaId, (areaGain.get(imp.areaId) ?? 0) + imp.gain);
  };
  const chosen = new Set<string>();
  const cleared: ConditionCode[] = [];
  const blocked: NotClearableCondition[] = [];

  let allGain = 0;
  const areaAllGain = new Map<string, number>();
  for (const imp of ranking) {
    allGain += imp.gain;
    areaAllGain.set(imp.areaId, (areaAllGain.get(imp.areaId) ?? 0) + imp.gain);
  }

  // 1. Failing areas: their own largest gains.
  for (const condition of verdict.unmet) {
    if (condition.kind !== "score" || !condition.code.startsWith("area:")) continue;
    const areaId = condition.code.slice("area:".length);
    for (const imp of ranking) {
      if (meetsThreshold(condition.actual + (areaGain.get(areaId) ?? 0), condition.required)) break;
      if (imp.areaId !== areaId || chosen.has(imp.questionId)) continue;
      chosen.add(imp.questionId);
      choose(imp);
    }
    if (meetsThreshold(condition.actual + (areaGain.get(areaId) ?? 0), condition.required))
      cleared.push(condition.code);
    else blocked.push(notClearable(condition, { [condition.code]: condition.actual + (areaAllGain.get(areaId) ?? 0) }));
  }

  // 2. Pengungkit and total: the largest remaining gains overall, when all gains together suffice.
  const targets: ScoreCondition[] = [];
  for (const condition of verdict.unmet) {
    if (condition.kind !== "score" || (condition.code !== "pengungkit" && condition.code !== "total")) continue;
    if (meetsThreshold(condition.actual + allGain, condition.required)) targets.push(condition);
    else blocked.push(notClearable(condition, { [condition.code]: condition.actual + allGain }));
  }
  const targetsMet = () => targets.every((t) => meetsThreshold(t.actual + sumGain, t.required));
  for (const imp of ranking) {
    if (targetsMet()) break;
    if (chosen.has(imp.questionId)) continue;
    chosen.add(imp.questionId);
    choose(imp);
  }
  for (const t of targets) cleared.push(t.code);

  // 3. Everything else comes from surveys, outcomes or the predicate already held.
  for (const condition of verdict.unmet) {
    if (condition.code === "pengungkit" || condition.code === "total" || condition.code.startsWith("area:")) continue;
    blocked.push(notClearable(condition, {}));
  }
  const order = new Map(verdict.unmet.map((u, i) => [u.code, i]));
  blocked.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  cleared.sort((a, b) => order.get(a)! - order.get(b)!);

  const areas: Record<string, number> = {};
  for (const a of scorecard.areas) areas[a.id] = a.score + (areaGain.get(a.id) ?? 0);
  return {
    predicate,
    eligibleNow: verdict.eligible,
    steps,
    totalGain: sumGain,
    cleared,
    notClearable: blocked,
    eligibleAfter: blocked.length === 0,
    projected: { total: scorecard.total + sumGain, pengungkit: scorecard.pengungkit + sumGain, areas },
  };
}

/**
 * Ranks the questions by the points their best answer would add and builds the shortest path to
 * WBK and to WBBM from the current answers. Pass the scorecard if it is already computed.
 */
export function gapAnalysis(input: ScoringInput, scorecard: Scorecard = scoreAssessment(input)): GapAnalysis {
  const ranking = rankImprovements(input.catalogue, input.answers, scorecard);
  let allGain = 0;
  for (const imp of ranking) allGain += imp.gain;
  return {
    scorecard,
    ranking,
    maxPengungkit: scorecard.pengungkit + allGain,
    maxTotal: scorecard.total + allGain,
    wbk: predicatePath(scorecard, ranking, "WBK"),
    wbbm: predicatePath(scorecard, ranking, "WBBM"),
  };
}

/** The answers with every step of a path applied (for previews: "what if we did all of this"). */
export function applyImprovements(answers: Answers, steps: readonly QuestionImprovement[]): Answers {
  const next: Record<string, Answers[string]> = { ...answers };
  for (const s of steps) next[s.questionId] = s.improvedValue;
  return next;
}

/** One-line Indonesian description of a step: "PPA1B: B → A (+0,13)". */
export function describeImprovement(imp: QuestionImprovement): string {
  return `${imp.questionId}: ${imp.fromLabel} → ${imp.to} (+${formatScore(imp.gain)})`;
}

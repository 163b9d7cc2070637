import { judgeTotal } from './aggregate.js';
import { D, type Dec } from '../decimal.js';
import { fitOffsets, OFFSET_PLACES, offsetUnits, type Design } from '../offset.js';
import type { Criterion } from '../rubric.js';
import type { ScaledPanel } from './integer-panel.js';

/** The fitted offsets, rounded (see offset.ts): per judge index in units, and by judge id. */
export interface JudgeOffsets {
  units: number[];
  byJudge: Map<string, Dec>;
}

/** A project's entry from each judge, in judge order; undefined where the judge was not assigned. */
interface EntriesInput {
  entries: readonly ({ recused: boolean; scores: ReadonlyMap<string, Dec> } | undefined)[];
}

/** The review's totals as a Design, from the integer panel when there is one. */
export function designOf(
  projects: readonly EntriesInput[],
  criteria: readonly Criterion[],
  judgeCount: number,
  scaled: ScaledPanel | undefined,
): { design: Design; den: number } {
  if (scaled !== undefined) return { design: scaled, den: scaled.scale.den };
  const start = new Int32Array(projects.length);
  const count = new Int32Array(projects.length);
  const judge: number[] = [];
  const total: number[] = [];
  projects.forEach((p, i) => {
    start[i] = judge.length;
    p.entries.forEach((e, j) => {
      if (e === undefined || e.recused) return;
      judge.push(j);
      total.push(judgeTotal(e.scores, criteria).toNumber());
    });
    count[i] = judge.length - start[i]!;
  });
  return {
    design: {
      judgeCount,
      start,
      count,
      judge: Int32Array.from(judge),
      total: Float64Array.from(total),
    },
    den: 1,
  };
}

/** Fits and rounds the offsets of a connected design. */
export function judgeOffsets(
  design: Design,
  den: number,
  judgeIds: readonly string[],
): JudgeOffsets {
  const scored = new Uint8Array(design.judgeCount);
  for (const j of design.judge) scored[j] = 1;
  const units = offsetUnits(fitOffsets(design, den), (j) => scored[j] === 1);
  const byJudge = new Map<string, Dec>();
  judgeIds.forEach((id, j) => byJudge.set(id, new D(units[j]!).dividedBy(10 ** OFFSET_PLACES)));
  return { units, byJudge };
}

/**
 * The integer panel with every total replaced by total - offset[judge], exactly: over a
 * denominator 10^OFFSET_PLACES times the panel's. Undefined when a project's sum of adjusted
 * totals might not be a safe integer (then the caller decides in decimal.js).
 */
export function offsetPanel(panel: ScaledPanel, units: readonly number[]): ScaledPanel | undefined {
  const scale = 10 ** OFFSET_PLACES;
  const den = panel.scale.den * scale;
  const total = new Float64Array(panel.total.length);
  let largest = 0;
  for (let k = 0; k < total.length; k++) {
    const t = panel.total[k]! * scale - units[panel.judge[k]!]! * panel.scale.den;
    total[k] = t;
    if (Math.abs(t) > largest) largest = Math.abs(t);
  }
  let widest = 1;
  for (const n of panel.count) if (n > widest) widest = n;
  const limit = Number.MAX_SAFE_INTEGER / 4;
  if (largest * widest > limit || den * 32 * widest > limit) return undefined;
  return { ...panel, scale: { ...panel.scale, den }, total };
}

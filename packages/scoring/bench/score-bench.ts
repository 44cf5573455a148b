/**
 * Bench (not a test): scores and ranks 10,000 units × 60 leaf indicators × 12 monthly periods and
 * compares with the floor, a plain Float64Array sum over the same 7.2 million values in this run.
 * Run: npx -y pnpm@10.34.9 exec tsx bench/score-bench.ts
 */
import { performance } from 'node:perf_hooks'
import { compileScheme } from '../src/compile-scheme'
import { explainAt } from '../src/explain-unit'
import type { Indicator } from '../src/indicator-schema'
import type { SchemeInput } from '../src/scheme-schema'
import { scoreMatrices } from '../src/score-matrices'
import type { ScoreMatrix } from '../src/score-matrix'

const UNITS = 10_000
const LEVEL1 = 6
const LEAVES_PER_LEVEL1 = 10
const LEAVES = LEVEL1 * LEAVES_PER_LEVEL1
const PERIODS = 12
const GROUPS = 10
const RUNS = 7

function benchScheme(): SchemeInput {
  const tree: Indicator[] = Array.from({ length: LEVEL1 }, (_, level1) => ({
    id: `L${level1}`,
    label: `一级指标 ${level1}`,
    max: LEAVES_PER_LEVEL1 * 2,
    children: Array.from({ length: LEAVES_PER_LEVEL1 }, (_, leaf) => ({
      id: `L${level1}.${leaf}`,
      label: `三级指标 ${level1}.${leaf}`,
      max: 2,
      periods: 'mean' as const,
    })),
    ...(level1 === 1 ? { notApplicable: { policy: 'impute-ratio' as const, from: 'L0' } } : {}),
    ...(level1 === 4 ? { notApplicable: { policy: 'exclude-rescale' as const } } : {}),
  }))
  tree.push({
    id: 'report',
    label: '信息报送',
    max: 5,
    source: { kind: 'ratio-to-max', measure: 'adopted', population: 'all' },
    rounding: 'presented',
  })
  return {
    id: 'bench',
    version: 1,
    name: 'bench',
    measures: [{ id: 'adopted', label: '采用数', periods: 'sum' }],
    trees: { main: tree },
    groups: Array.from({ length: GROUPS }, (_, group) => ({
      id: `g${group}`,
      name: `group ${group}`,
      tree: 'main',
      populations: { all: Array.from({ length: GROUPS }, (_, other) => `g${other}`) },
    })),
    ties: { policy: 'indicators', indicators: ['L5'] },
    grades: {
      by: 'threshold',
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 80 },
      ],
      otherwise: null,
    },
  }
}

/** Deterministic pseudo-random values (no clock, reproducible figures). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0
    return state / 4_294_967_296
  }
}

function benchMatrices(): ScoreMatrix[] {
  const next = random(2016)
  const perGroup = UNITS / GROUPS
  return Array.from({ length: GROUPS }, (_, group): ScoreMatrix => {
    const scores = new Float64Array(perGroup * LEAVES * PERIODS)
    for (let index = 0; index < scores.length; index++) scores[index] = Math.round(next() * 200) / 100
    const measures = new Float64Array(perGroup * PERIODS)
    for (let index = 0; index < measures.length; index++) measures[index] = Math.floor(next() * 30)
    // A few units without a website (L4 not applicable) and without 办事指南 (L1 imputed).
    for (let unit = 0; unit < perGroup; unit += 97) {
      scores.fill(Number.NaN, (unit * LEAVES + 10) * PERIODS, (unit * LEAVES + 20) * PERIODS)
      scores.fill(Number.NaN, (unit * LEAVES + 40) * PERIODS, (unit * LEAVES + 50) * PERIODS)
    }
    return {
      groupId: `g${group}`,
      unitIds: Array.from({ length: perGroup }, (_, unit) => `g${group}-u${unit}`),
      unitNames: Array.from({ length: perGroup }, (_, unit) => `单位 ${group}-${unit}`),
      periodLabels: Array.from(
        { length: PERIODS },
        (_, month) => `2016-${String(month + 1).padStart(2, '0')}`,
      ),
      scores,
      measures,
      vetoes: new Uint8Array(0),
      raterSpreads: new Map(),
    }
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

const compiled = compileScheme({ scheme: benchScheme() })
const matrices = benchMatrices()
const valueCount = matrices.reduce((sum, matrix) => sum + matrix.scores.length, 0)

const floorTimes: number[] = []
let floorSum = 0
for (let run = 0; run < RUNS; run++) {
  const start = performance.now()
  let sum = 0
  for (const matrix of matrices) {
    const scores = matrix.scores
    for (let index = 0; index < scores.length; index++) sum += scores[index]!
  }
  floorTimes.push(performance.now() - start)
  floorSum = sum
}

const scoreTimes: number[] = []
let checksum = 0
for (let run = 0; run < RUNS; run++) {
  const start = performance.now()
  const scored = scoreMatrices({ compiled, matrices })
  scoreTimes.push(performance.now() - start)
  checksum = scored.groups.reduce(
    (sum, group) => sum + group.totals.reduce((a, b) => a + b, 0) + group.ranking.ranks[0]!,
    0,
  )
}

// Explanations are on demand, outside the hot path: time every unit's, to show the normal API can.
const scoredOnce = scoreMatrices({ compiled, matrices })
const explainStart = performance.now()
let explainedLines = 0
for (const group of scoredOnce.groups) {
  for (let unit = 0; unit < group.unitCount; unit++)
    explainedLines += explainAt({ scored: scoredOnce, group, unit }).lines.length
}
const explainTime = performance.now() - explainStart

const score = median(scoreTimes)
const floor = median(floorTimes)
const peakMiB = process.resourceUsage().maxRSS / 1024
const memory = process.memoryUsage()
console.log(
  `units ${UNITS} × leaves ${LEAVES} × periods ${PERIODS} = ${valueCount.toLocaleString('en')} values, ${GROUPS} groups`,
)
console.log(
  `score + rank: first run ${scoreTimes[0]!.toFixed(1)} ms, median of ${RUNS} ${score.toFixed(1)} ms`,
)
console.log(`values/s: ${((valueCount / score) * 1000).toExponential(3)} (median run)`)
console.log(
  `floor (plain Float64Array sum, same values): median ${floor.toFixed(1)} ms; ratio ${(score / floor).toFixed(2)}×`,
)
console.log(`explain all ${UNITS} units on demand: ${explainTime.toFixed(0)} ms (${explainedLines} lines)`)
console.log(
  `peak RSS ${peakMiB.toFixed(0)} MiB; heap used ${(memory.heapUsed / 1_048_576).toFixed(0)} MiB; array buffers ${(memory.arrayBuffers / 1_048_576).toFixed(0)} MiB`,
)
console.log(
  `targets: < 1000 ms ${score < 1000 ? 'met' : 'MISSED'}; ≤ 10× floor ${score / floor <= 10 ? 'met' : 'MISSED'} (scoring checksum ${checksum.toFixed(0)}; floor sum ${floorSum}, NaN as the data holds 无 cells)`,
)

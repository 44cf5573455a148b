import {
  type CompiledGroup,
  type CompiledScheme,
  type CompiledTree,
  NA_EXCLUDE,
  NA_IMPUTE,
  NA_NONE,
  NA_ZERO,
  PERIODS_LAST,
  PERIODS_MEAN,
  PERIODS_SUM,
  ROLE_BONUS,
  ROLE_DEDUCTION,
  ROLE_NORMAL,
  SOURCE_BANDS,
  SOURCE_DEDUCTIONS,
  SOURCE_RATIO_TO_MAX,
  SOURCE_RATIO_TO_TARGET,
  SOURCE_SCORE,
} from './compiled-scheme'
import type { Indicator } from './indicator-schema'
import { parseScheme } from './parse-scheme'
import type { Scheme } from './scheme-schema'

const PERIOD_CODES = { mean: PERIODS_MEAN, last: PERIODS_LAST, sum: PERIODS_SUM } as const
const ROLE_CODES = { normal: ROLE_NORMAL, bonus: ROLE_BONUS, deduction: ROLE_DEDUCTION } as const
const SOURCE_CODES = {
  score: SOURCE_SCORE,
  'ratio-to-max': SOURCE_RATIO_TO_MAX,
  'ratio-to-target': SOURCE_RATIO_TO_TARGET,
  deductions: SOURCE_DEDUCTIONS,
  bands: SOURCE_BANDS,
} as const

/**
 * Validates (unless given a parsed scheme) and compiles a scheme into flat arrays, once per scheme
 * version. Splits become generated leaves `parentId.partId` with max = share × max.
 *
 * @example
 * const compiled = compileScheme({ scheme: parseScheme({ document }) })
 */
export function compileScheme({ scheme }: { scheme: Scheme | unknown }): CompiledScheme {
  const parsed = parseScheme({ document: scheme })
  const measureIds = parsed.measures.map((measure) => measure.id)
  const trees = new Map<string, CompiledTree>()
  for (const [treeId, roots] of Object.entries(parsed.trees)) {
    trees.set(treeId, compileTree({ treeId, roots, measureIds, tieIds: parsed.ties.indicators ?? [] }))
  }
  const groups = new Map<string, CompiledGroup>()
  for (const group of parsed.groups) {
    groups.set(group.id, { id: group.id, name: group.name, tree: trees.get(group.tree)!, definition: group })
  }
  return {
    scheme: parsed,
    decimals: parsed.decimals,
    measureIds,
    measurePeriods: Uint8Array.from(parsed.measures.map((measure) => PERIOD_CODES[measure.periods])),
    vetoIds: parsed.vetoes?.checks.map((check) => check.id) ?? [],
    trees,
    groups,
  }
}

interface FlatNode {
  node: Indicator
  id: string
  label: string
  max: number
  depth: number
  parent: number
  children: number[]
  inherited: Indicator
}

function compileTree(options: {
  treeId: string
  roots: Indicator[]
  measureIds: string[]
  tieIds: string[]
}): CompiledTree {
  const flat: FlatNode[] = []
  const add = (node: Indicator, depth: number, parent: number): number => {
    const index = flat.length
    const entry: FlatNode = {
      node,
      id: node.id,
      label: node.label,
      max: node.max,
      depth,
      parent,
      children: [],
      inherited: node,
    }
    flat.push(entry)
    for (const child of node.children ?? []) entry.children.push(add(child, depth + 1, index))
    for (const part of node.split ?? []) {
      const partIndex = flat.length
      flat.push({
        node: {
          id: `${node.id}.${part.id}`,
          label: `${node.label}·${part.label}`,
          max: node.max * part.share,
        },
        id: `${node.id}.${part.id}`,
        label: `${node.label}·${part.label}`,
        max: node.max * part.share,
        depth: depth + 1,
        parent: index,
        children: [],
        inherited: node,
      })
      entry.children.push(partIndex)
    }
    return index
  }
  const roots = options.roots.map((root) => add(root, 0, -1))
  const indexOf = new Map(flat.map((entry, index) => [entry.id, index]))
  const count = flat.length
  const tree: CompiledTree = {
    id: options.treeId,
    nodeCount: count,
    ids: flat.map((entry) => entry.id),
    labels: flat.map((entry) => entry.label),
    depth: Int32Array.from(flat.map((entry) => entry.depth)),
    parent: Int32Array.from(flat.map((entry) => entry.parent)),
    children: flat.map((entry) => Int32Array.from(entry.children)),
    max: Float64Array.from(flat.map((entry) => entry.max)),
    role: Uint8Array.from(flat.map((entry) => ROLE_CODES[entry.node.role ?? 'normal'])),
    order: new Int32Array(count),
    orderAfterInputs: new Int32Array(0),
    isSettledColumn: new Uint8Array(0),
    displayOrder: Int32Array.from(flat.map((_, index) => index)),
    roots: Int32Array.from(roots),
    inputColumn: new Int32Array(count).fill(-1),
    inputNodes: new Int32Array(0),
    sourceKind: new Uint8Array(count),
    sourceMeasure: new Int32Array(count).fill(-1),
    sourceParameter: new Float64Array(count),
    sourceCap: new Float64Array(count).fill(Number.POSITIVE_INFINITY),
    sourceBands: new Array(count).fill(undefined),
    sourcePopulation: new Array(count).fill(undefined),
    periods: new Uint8Array(count),
    raters: flat.map((entry) => entry.inherited.raters),
    notApplicable: new Uint8Array(count),
    imputeFrom: new Int32Array(count).fill(-1),
    isRoundedAtSource: Uint8Array.from(flat.map((entry) => (entry.node.rounding === 'presented' ? 1 : 0))),
    allowsAboveMax: Uint8Array.from(flat.map((entry) => (entry.inherited.allowsAboveMax ? 1 : 0))),
    fullMarks: roots.reduce(
      (sum, root) => ((flat[root]!.node.role ?? 'normal') === 'normal' ? sum + flat[root]!.max : sum),
      0,
    ),
    tieNodes: Int32Array.from(
      options.tieIds.map((id) => indexOf.get(id) ?? -1).filter((index) => index >= 0),
    ),
  }
  const inputNodes: number[] = []
  for (const [index, entry] of flat.entries()) {
    const isLeaf = entry.children.length === 0
    const source = isLeaf ? (entry.inherited.source ?? { kind: 'score' as const }) : undefined
    tree.periods[index] = PERIOD_CODES[entry.inherited.periods ?? 'mean']
    if (source) {
      tree.sourceKind[index] = SOURCE_CODES[source.kind]
      if (source.kind === 'score') {
        tree.inputColumn[index] = inputNodes.length
        inputNodes.push(index)
      } else {
        tree.sourceMeasure[index] = options.measureIds.indexOf(source.measure)
        if (source.kind === 'ratio-to-max') tree.sourcePopulation[index] = source.population
        if (source.kind === 'ratio-to-target') tree.sourceParameter[index] = source.target
        if (source.kind === 'deductions') {
          tree.sourceParameter[index] = source.pointsPerItem
          tree.sourceCap[index] = source.cap ?? entry.max
        }
        if (source.kind === 'bands') tree.sourceBands[index] = [...source.bands].sort((a, b) => b.min - a.min)
      }
    }
    const policy = entry.node.notApplicable
    if (policy?.policy === 'impute-ratio') {
      tree.notApplicable[index] = NA_IMPUTE
      tree.imputeFrom[index] = indexOf.get(policy.from)!
    } else if (policy?.policy === 'exclude-rescale') tree.notApplicable[index] = NA_EXCLUDE
    else if (policy?.policy === 'zero') tree.notApplicable[index] = NA_ZERO
    else tree.notApplicable[index] = NA_NONE
  }
  tree.inputNodes = Int32Array.from(inputNodes)
  tree.order = evaluationOrder(tree)
  tree.isSettledColumn = Uint8Array.from(inputNodes, (node) => (tree.notApplicable[node] === NA_NONE ? 1 : 0))
  tree.orderAfterInputs = tree.order.filter((node) => {
    const column = tree.inputColumn[node]!
    return column < 0 || tree.isSettledColumn[column] === 0
  })
  return tree
}

/** Depth-first: a node's children and imputation source come before it (cycles were rejected). */
function evaluationOrder(tree: CompiledTree): Int32Array {
  const order: number[] = []
  const seen = new Uint8Array(tree.nodeCount)
  const visit = (index: number): void => {
    if (seen[index]) return
    seen[index] = 1
    for (const child of tree.children[index]!) visit(child)
    const from = tree.imputeFrom[index]!
    if (from >= 0) visit(from)
    order.push(index)
  }
  for (const root of tree.roots) visit(root)
  return Int32Array.from(order)
}

import type { Indicator } from './indicator-schema'
import type { Scheme } from './scheme-schema'
import type { SchemeIssue } from './scheme-validation-error'

const TOLERANCE = 1e-9

/**
 * The checks zod cannot express: references, cycles, maxima, measures. Messages name the indicator
 * (its id and label) because a city author thinks in indicators, not JSON paths.
 */
export function collectSchemeIssues({ scheme }: { scheme: Scheme }): SchemeIssue[] {
  const issues: SchemeIssue[] = []
  const measureIds = new Set(scheme.measures.map((measure) => measure.id))
  const groupIds = new Set<string>()
  for (const [index, group] of scheme.groups.entries()) {
    if (groupIds.has(group.id))
      issues.push({ path: `groups.${index}.id`, message: `duplicate group ${group.id}` })
    groupIds.add(group.id)
  }
  for (const [index, group] of scheme.groups.entries()) {
    if (!scheme.trees[group.tree]) {
      issues.push({
        path: `groups.${index}.tree`,
        message: `group ${group.id} uses unknown tree ${group.tree}`,
      })
    }
    for (const [name, members] of Object.entries(group.populations)) {
      for (const member of members) {
        if (!groupIds.has(member)) {
          issues.push({
            path: `groups.${index}.populations.${name}`,
            message: `population ${name} of group ${group.id} names unknown group ${member}`,
          })
        }
      }
    }
  }
  for (const [treeId, roots] of Object.entries(scheme.trees)) {
    checkTree({ treeId, roots, measureIds, issues })
    const ids = new Set(flatten(roots).map(({ node }) => node.id))
    for (const tieId of scheme.ties.indicators ?? []) {
      if (!ids.has(tieId))
        issues.push({ path: 'ties.indicators', message: `unknown indicator ${tieId} in tree ${treeId}` })
    }
  }
  if (scheme.ties.policy === 'indicators' && !scheme.ties.indicators?.length) {
    issues.push({
      path: 'ties.indicators',
      message: 'tie policy "indicators" needs the indicators that break ties',
    })
  }
  const gradeRules = [scheme.grades, ...scheme.groups.map((group) => group.grades)]
  for (const rule of gradeRules) {
    if (rule?.by !== 'quota') continue
    for (const quota of rule.quotas) {
      if ((quota.top === undefined) === (quota.topShare === undefined)) {
        issues.push({
          path: 'grades.quotas',
          message: `quota for ${quota.grade} needs exactly one of top or topShare`,
        })
      }
    }
  }
  return issues
}

interface Placed {
  node: Indicator
  path: string
  depth: number
  parent: Indicator | undefined
}

function flatten(roots: Indicator[], prefix = '', depth = 0, parent?: Indicator): Placed[] {
  return roots.flatMap((node, index) => {
    const path = `${prefix}${index}`
    return [
      { node, path, depth, parent },
      ...flatten(node.children ?? [], `${path}.children.`, depth + 1, node),
    ]
  })
}

function checkTree(options: {
  treeId: string
  roots: Indicator[]
  measureIds: Set<string>
  issues: SchemeIssue[]
}): void {
  const { treeId, roots, measureIds, issues } = options
  const placed = flatten(roots, `trees.${treeId}.`)
  const byId = new Map<string, Indicator>()
  const parentOf = new Map<string, Indicator | undefined>()
  for (const { node, path, parent } of placed) {
    const name = `indicator ${node.id} (${node.label})`
    if (byId.has(node.id)) issues.push({ path, message: `${name}: duplicate indicator id in tree ${treeId}` })
    byId.set(node.id, node)
    parentOf.set(node.id, parent)
    for (const part of node.split ?? []) byId.set(`${node.id}.${part.id}`, node)
  }
  for (const { node, path, depth } of placed) {
    const name = `indicator ${node.id} (${node.label})`
    if (!(node.max >= 0) || !Number.isFinite(node.max)) {
      issues.push({
        path: `${path}.max`,
        message: `${name}: maximum must be a non-negative number, got ${node.max}`,
      })
    }
    const role = node.role ?? 'normal'
    if (role !== 'normal' && depth > 0) {
      issues.push({ path: `${path}.role`, message: `${name}: ${role} items must be level-1 indicators` })
    }
    if (node.children && (node.split || node.source)) {
      issues.push({
        path,
        message: `${name}: a parent sums its children and cannot also have a split or a source`,
      })
    }
    if (node.split) {
      const shares = node.split.reduce((sum, part) => sum + part.share, 0)
      if (Math.abs(shares - 1) > TOLERANCE) {
        issues.push({ path: `${path}.split`, message: `${name}: split shares add up to ${shares}, not 1` })
      }
      if (node.source && node.source.kind !== 'score') {
        issues.push({ path: `${path}.split`, message: `${name}: only scored indicators can be split` })
      }
    }
    if (node.children) {
      const childMax = node.children
        .filter((child) => (child.role ?? 'normal') === 'normal')
        .reduce((sum, child) => sum + child.max, 0)
      if (Math.abs(childMax - node.max) > TOLERANCE) {
        issues.push({
          path: `${path}.max`,
          message: `${name}: children's maxima add up to ${childMax}, not ${node.max}`,
        })
      }
    }
    const source = node.source
    if (source && source.kind !== 'score' && !measureIds.has(source.measure)) {
      issues.push({
        path: `${path}.source.measure`,
        message: `${name}: formula names missing measure ${source.measure}`,
      })
    }
    if (node.raters?.combine === 'weighted' && !node.raters.weights) {
      issues.push({
        path: `${path}.raters`,
        message: `${name}: weighted raters need weights per rater group`,
      })
    }
    if (node.raters && source && source.kind !== 'score') {
      issues.push({ path: `${path}.raters`, message: `${name}: only scored indicators have raters` })
    }
    const policy = node.notApplicable
    if (policy?.policy === 'impute-ratio' && !byId.has(policy.from)) {
      issues.push({
        path: `${path}.notApplicable.from`,
        message: `${name}: unknown indicator reference ${policy.from}`,
      })
    }
    if (policy?.policy === 'exclude-rescale' && role !== 'normal') {
      issues.push({
        path: `${path}.notApplicable`,
        message: `${name}: bonus and deduction items cannot be rescaled`,
      })
    }
  }
  for (const cycle of findCycles({ byId, parentOf })) {
    issues.push({
      path: `trees.${treeId}`,
      message: `indicator ${cycle[0]}: reference cycle ${cycle.join(' → ')}`,
    })
  }
}

/** A node depends on its children and on the indicator it imputes from; report each cycle once. */
function findCycles(options: {
  byId: Map<string, Indicator>
  parentOf: Map<string, Indicator | undefined>
}): string[][] {
  const { byId } = options
  const state = new Map<string, 'visiting' | 'done'>()
  const cycles: string[][] = []
  const stack: string[] = []
  const dependencies = (node: Indicator): string[] => {
    const own = (node.children ?? []).map((child) => child.id)
    const policy = node.notApplicable
    if (policy?.policy === 'impute-ratio' && byId.has(policy.from)) own.push(byId.get(policy.from)!.id)
    return own
  }
  const visit = (id: string): void => {
    const status = state.get(id)
    if (status === 'done') return
    if (status === 'visiting') {
      cycles.push([...stack.slice(stack.indexOf(id)), id])
      return
    }
    state.set(id, 'visiting')
    stack.push(id)
    const node = byId.get(id)
    for (const next of node ? dependencies(node) : []) visit(next)
    stack.pop()
    state.set(id, 'done')
  }
  for (const [id, node] of byId) if (node.id === id) visit(id)
  return cycles
}

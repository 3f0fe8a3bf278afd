import { badRequest } from '../errors/problem.ts';
import { validateMatrix } from './judgment-matrix.ts';
import { derivePriorities, lambdaFromWeights } from './priority-vector.ts';
import { randomIndex } from './random-index.ts';
import type {
  AhpOptions,
  AhpResult,
  JudgmentScale,
  Matrix,
  PriorityMethod,
  RandomIndexTable,
} from './types.ts';

export interface ResolvedOptions {
  readonly method: PriorityMethod;
  readonly riTable: RandomIndexTable;
  readonly threshold: number;
  readonly scale: JudgmentScale;
  readonly path: readonly (string | number)[];
}

const METHODS: readonly PriorityMethod[] = ['eigenvector', 'geometric', 'sum-product'];
const TABLES: readonly RandomIndexTable[] = ['seed002', 'saaty1980', 'alonso-lamata'];
const SCALES: readonly JudgmentScale[] = ['saaty', 'five-point', 'any'];

function oneOf<T extends string>(value: T, allowed: readonly T[], key: string): T {
  // Options may come from untyped callers (JSON, CLI flags): check them at runtime too.
  if (!allowed.includes(value)) {
    throw badRequest(
      'ahp.option-not-allowed',
      { key, value: JSON.stringify(value) ?? String(value), allowed: allowed.join(', ') },
      [key],
    );
  }
  return value;
}

/** Fills in the defaults: eigenvector, seed002, 0.1, saaty, path ['matrix']; rejects unknown values. */
export function resolveOptions(options: AhpOptions = {}): ResolvedOptions {
  const threshold = options.threshold ?? 0.1;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0) {
    throw badRequest('ahp.threshold-not-positive', { value: String(threshold) }, ['threshold']);
  }
  return {
    method: oneOf(options.method ?? 'eigenvector', METHODS, 'method'),
    riTable: oneOf(options.riTable ?? 'seed002', TABLES, 'riTable'),
    threshold,
    scale: oneOf(options.scale ?? 'saaty', SCALES, 'scale'),
    path: options.path ?? ['matrix'],
  };
}

/** CI, RI, CR and the verdict for a given λ (Saaty 1980 §1.4; seed 002 §2.2.3 steps 1–3). */
export function consistencyOf(
  n: number,
  lambdaMax: number,
  options: ResolvedOptions,
): Pick<AhpResult, 'ci' | 'cr' | 'ri' | 'consistent'> {
  const ri = randomIndex(n, options.riTable, options.path);
  if (n <= 2) return { ci: 0, cr: 0, ri, consistent: true };
  // λ ≥ n holds for every positive reciprocal matrix; clamp the float noise of consistent matrices.
  const ci = Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = ci / ri;
  return { ci, cr, ri, consistent: cr < options.threshold };
}

function buildResult(
  n: number,
  weights: readonly number[],
  lambdaMax: number,
  options: ResolvedOptions,
): AhpResult {
  return {
    n,
    weights,
    lambdaMax,
    ...consistencyOf(n, lambdaMax, options),
    method: options.method,
    riTable: options.riTable,
    threshold: options.threshold,
    scale: options.scale,
  };
}

/** computeAhp without validation, for matrices this module built itself (repairs, aggregates). */
export function analyseMatrix(matrix: Matrix, options: ResolvedOptions): AhpResult {
  const n = matrix.length;
  randomIndex(n, options.riTable, options.path);
  const { weights, lambdaMax } = derivePriorities(matrix, options.method);
  return buildResult(n, weights, lambdaMax, options);
}

/** A result for weights that were not derived from `matrix` itself (AIP): λ = mean((Aw)_i / w_i). */
export function resultForWeights(
  matrix: Matrix,
  weights: readonly number[],
  options: ResolvedOptions,
): AhpResult {
  return buildResult(matrix.length, weights, lambdaFromWeights(matrix, weights), options);
}

/**
 * Weights, λmax, CI = (λmax − n)/(n − 1), CR = CI/RI and the consistency verdict (CR < threshold) of one
 * judgment matrix — the AHP steps of seed 002 §2.2.3 (Saaty 1980). Validates the matrix first
 * (`validateMatrix`) and throws `badRequest` when n exceeds the random-index table (n > 15).
 * With the defaults (eigenvector, seed002 RI, 0.1, Saaty scale) it reproduces seed 002 Tables 4.1–4.6.
 *
 * @example
 * // seed 002 Table 4.1 (F, C, I, S, R):
 * computeAhp([[1, 3, 2, 4, 2], [1/3, 1, 1, 1, 1], [1/2, 1, 1, 4, 2], [1/4, 1, 1/4, 1, 2], [1/2, 1, 1/2, 1/2, 1]]);
 * // → weights 0.3764, 0.1403, 0.2430, 0.1224, 0.1179; lambdaMax 5.3373; cr 0.0753; consistent true
 */
export function computeAhp(matrix: Matrix, options?: AhpOptions): AhpResult {
  const resolved = resolveOptions(options);
  validateMatrix(matrix, resolved.scale, resolved.path);
  return analyseMatrix(matrix, resolved);
}

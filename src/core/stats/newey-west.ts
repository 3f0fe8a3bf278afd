/**
 * Least squares with Newey–West standard errors, as R's `lm` followed by `sandwich::NeweyWest(fit, lag = L,
 * prewhite = FALSE)` (its defaults otherwise: Bartlett weights 1 − j/(L + 1) and `adjust = FALSE`, so no
 * n/(n − k) factor) and `lmtest::coeftest` (t-based p-values with the residual degrees of freedom). Newey &
 * West 1987, "A simple, positive semi-definite, heteroskedasticity and autocorrelation consistent covariance
 * matrix", Econometrica 55:703–708; Zeileis 2004, "Econometric computing with HC and HAC covariance matrix
 * estimators", J. Stat. Softw. 11(10).
 */
import { inverse, Matrix, QrDecomposition } from 'ml-matrix';
import { badRequest } from '../errors/problem.ts';

export interface NeweyWestFit {
  readonly coefficients: number[];
  /** Newey–West covariance of the coefficients. */
  readonly covariance: number[][];
  readonly residualDf: number;
}

/**
 * Fits y on the columns of `design` (rows are observations, include the intercept column yourself) and returns
 * the coefficients with their Newey–West covariance at lag `lag`.
 *
 * @example
 * neweyWestFit([[1, 1], [1, 2], [1, 3], [1, 4]], [1, 3, 2, 5], 1).coefficients; // [0, 1.1]
 */
export function neweyWestFit(
  design: readonly (readonly number[])[],
  y: readonly number[],
  lag: number,
): NeweyWestFit {
  const x = new Matrix(design.map((row) => [...row]));
  const n = x.rows;
  const k = x.columns;
  const qr = new QrDecomposition(x);
  if (!qr.isFullRank()) throw badRequest('stats.design-singular', {});
  const beta = qr.solve(Matrix.columnVector([...y]));
  const residuals = Matrix.columnVector([...y]).sub(x.mmul(beta));
  // Estimating functions ψ_t = x_t · e_t.
  const psi = x.clone();
  for (let t = 0; t < n; t++) for (let c = 0; c < k; c++) psi.set(t, c, x.get(t, c) * residuals.get(t, 0));
  const weights: number[] = [];
  // R: seq(1, 0, by = −1/(L + 1)), clamped at 0, at most n weights.
  for (let j = 0; j <= lag + 1 && j < n; j++) weights.push(Math.max(1 + j * -(1 / (lag + 1)), 0));
  let meat = psi
    .transpose()
    .mmul(psi)
    .mul(0.5 * (weights[0] ?? 1));
  for (let j = 1; j < weights.length; j++) {
    const w = weights[j] ?? 0;
    if (w === 0) continue;
    const early = psi.subMatrix(0, n - j - 1, 0, k - 1);
    const late = psi.subMatrix(j, n - 1, 0, k - 1);
    meat = meat.add(early.transpose().mmul(late).mul(w));
  }
  meat = meat.add(meat.transpose());
  const bread = inverse(x.transpose().mmul(x));
  const covariance = bread.mmul(meat).mmul(bread);
  return { coefficients: beta.getColumn(0), covariance: covariance.to2DArray(), residualDf: n - k };
}

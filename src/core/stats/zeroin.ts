/**
 * Brent's root finder as R's `uniroot` runs it (R_zeroin2: Brent 1973, "Algorithms for Minimization without
 * Derivatives", ch. 4; the C translation by Oleg Keselyov in netlib's c/brent.shar), with R's default
 * tolerance .Machine$double.eps^0.25. R's `fisher.test` finds its odds ratio and interval with `uniroot`, and
 * stops about 1e-4 from the exact root; following the same steps reproduces its numbers, not only its root.
 */

const EPSILON = 2.220446049250313e-16;
export const UNIROOT_TOL = EPSILON ** 0.25;

/**
 * A root of `f` in [lower, upper] where f changes sign, with R's `uniroot` defaults (tol ≈ 1.22e-4,
 * 1000 iterations).
 *
 * @example
 * uniroot((x) => x * x - 2, 0, 2); // 1.414214…
 */
export function uniroot(f: (x: number) => number, lower: number, upper: number, tol = UNIROOT_TOL): number {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  for (let iteration = 0; iteration <= 1000; iteration++) {
    const previousStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * EPSILON * Math.abs(b) + tol / 2;
    let step = (c - b) / 2;
    if (Math.abs(step) <= tolerance || fb === 0) return b;
    if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolerance * q) / 2 && p < Math.abs((previousStep * q) / 2))
        step = p / q;
    }
    if (Math.abs(step) < tolerance) step = step > 0 ? tolerance : -tolerance;
    a = b;
    fa = fb;
    b += step;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}

/**
 * Minimises a smooth function of a few variables inside a box, for fitting the Holt–Winters smoothing
 * parameters. A projected quasi-Newton method: BFGS on the variables not held at a bound, an Armijo
 * backtracking search along the path projected onto the box, central-difference gradients (one-sided at a
 * bound). It is the same idea as R's L-BFGS-B (Byrd, Lu, Nocedal, Zhu 1995, "A limited memory algorithm for
 * bound constrained optimization", SIAM J Sci Comput 16:1190–1208) without its Cauchy-point and subspace
 * machinery, which three variables do not need; it runs to a tighter tolerance than R's default `factr`.
 */

export interface BoxResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly iterations: number;
}

const STEP = 1e-7;

function gradient(f: (x: readonly number[]) => number, x: readonly number[], lo: number[], hi: number[]) {
  return x.map((xi, i) => {
    const up = Math.min(hi[i] ?? xi, xi + STEP);
    const down = Math.max(lo[i] ?? xi, xi - STEP);
    const a = [...x];
    const b = [...x];
    a[i] = up;
    b[i] = down;
    return (f(a) - f(b)) / (up - down);
  });
}

/**
 * The minimum of `f` over lower ≤ x ≤ upper, from `start`.
 *
 * @example minimizeBox((x) => (x[0] - 2) ** 2, [0.5], [0], [1]).x // [1]: the bound
 */
export function minimizeBox(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  maxIterations = 500,
): BoxResult {
  const lo = [...lower];
  const hi = [...upper];
  const n = start.length;
  const clip = (x: readonly number[]) => x.map((v, i) => Math.min(hi[i] ?? v, Math.max(lo[i] ?? v, v)));
  let x = clip(start);
  let fx = f(x);
  let g = gradient(f, x, lo, hi);
  const identity = (): number[][] =>
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let h = identity();
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // Variables at a bound whose gradient pushes outwards stay there this step.
    const free = x.map((v, i) => {
      const gi = g[i] ?? 0;
      return !((v <= (lo[i] ?? v) && gi > 0) || (v >= (hi[i] ?? v) && gi < 0));
    });
    const projected = g.map((gi, i) => (free[i] ? gi : 0));
    if (Math.max(...projected.map(Math.abs)) < 1e-10 * Math.max(1, Math.abs(fx))) break;
    let d = h.map((row, i) => (free[i] ? -row.reduce((a, hij, j) => a + hij * (projected[j] ?? 0), 0) : 0));
    let slope = d.reduce((a, di, i) => a + di * (g[i] ?? 0), 0);
    if (!(slope < 0)) {
      h = identity();
      d = projected.map((v) => -v);
      slope = d.reduce((a, di, i) => a + di * (g[i] ?? 0), 0);
    }
    let t = 1;
    let next = clip(x.map((v, i) => v + t * (d[i] ?? 0)));
    let fn = f(next);
    while (fn > fx + 1e-4 * t * slope && t > 1e-12) {
      t /= 2;
      next = clip(x.map((v, i) => v + t * (d[i] ?? 0)));
      fn = f(next);
    }
    if (!(fn < fx)) break;
    const gn = gradient(f, next, lo, hi);
    const s = next.map((v, i) => v - (x[i] ?? 0));
    const y = gn.map((v, i) => v - (g[i] ?? 0));
    const sy = s.reduce((a, si, i) => a + si * (y[i] ?? 0), 0);
    const improvement = (fx - fn) / Math.max(1, Math.abs(fx));
    x = next;
    fx = fn;
    g = gn;
    if (improvement < 1e-15) break;
    if (sy > 1e-16) {
      // BFGS update of the inverse Hessian: H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ.
      const rho = 1 / sy;
      const hy = h.map((row) => row.reduce((a, v, j) => a + v * (y[j] ?? 0), 0));
      const yhy = y.reduce((a, yi, i) => a + yi * (hy[i] ?? 0), 0);
      h = h.map((row, i) =>
        row.map(
          (v, j) =>
            v -
            rho * ((hy[i] ?? 0) * (s[j] ?? 0) + (s[i] ?? 0) * (hy[j] ?? 0)) +
            (rho * rho * yhy + rho) * (s[i] ?? 0) * (s[j] ?? 0),
        ),
      );
    }
  }
  return { x, value: fx, iterations };
}

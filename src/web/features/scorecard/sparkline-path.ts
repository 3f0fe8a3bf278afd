/**
 * The trend sparkline's geometry: an inline SVG polyline per run of values (a period without a value breaks
 * the line instead of drawing a slope through it), scaled to the values' own range. Plain SVG, not ECharts,
 * so a table of forty sparklines costs nothing to load.
 */

export interface SparklineGeometry {
  /** One `points` attribute per unbroken run of values. */
  readonly segments: readonly string[];
  /** The last value's point (the selected period), drawn as a dot; null when it has no value. */
  readonly last: { readonly x: number; readonly y: number } | null;
}

/**
 * @example sparklineGeometry([1, 3, null, 2], 30, 10, 1).segments // ['1,9 10.33,1', '29,5']
 */
export function sparklineGeometry(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 1,
): SparklineGeometry {
  const numbers = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (numbers.length === 0) return { segments: [], last: null };
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const x = (i: number) => round(values.length > 1 ? pad + i * step : width / 2);
  // A flat series sits in the middle rather than on the bottom edge.
  const y = (v: number) =>
    round(max === min ? height / 2 : height - pad - ((v - min) / (max - min)) * (height - 2 * pad));
  const segments: string[] = [];
  let run: string[] = [];
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      if (run.length > 0) segments.push(run.join(' '));
      run = [];
      return;
    }
    run.push(`${x(i)},${y(value)}`);
  });
  if (run.length > 0) segments.push(run.join(' '));
  const lastValue = values.at(-1);
  return {
    segments,
    last:
      lastValue === null || lastValue === undefined || !Number.isFinite(lastValue)
        ? null
        : { x: x(values.length - 1), y: y(lastValue) },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

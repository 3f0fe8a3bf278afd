import type { AhpOptions, JudgmentScale, PriorityMethod, RandomIndexTable } from '../../core/ahp/index.ts';
import { usageError } from '../errors.ts';

const METHODS: readonly PriorityMethod[] = ['eigenvector', 'geometric', 'sum-product'];
const TABLES: readonly RandomIndexTable[] = ['seed002', 'saaty1980', 'alonso-lamata'];
const SCALES: readonly JudgmentScale[] = ['saaty', 'five-point', 'any'];

function pick<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((item) => item === value);
  if (!found) {
    throw usageError(undefined, 'cli.option-not-allowed', { flag, allowed: allowed.join(', '), value });
  }
  return found;
}

/** Reads the AHP flags shared by `ahp` and `evaluate`. */
export function parseAhpOptions(values: {
  method?: string | undefined;
  ri?: string | undefined;
  threshold?: string | undefined;
  scale?: string | undefined;
}): AhpOptions {
  const method = pick(values.method, METHODS, 'method');
  const riTable = pick(values.ri, TABLES, 'ri');
  const scale = pick(values.scale, SCALES, 'scale');
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!Number.isFinite(threshold) || threshold <= 0)
      throw usageError(undefined, 'cli.threshold-not-positive', { value: values.threshold });
  }
  return {
    ...(method ? { method } : {}),
    ...(riTable ? { riTable } : {}),
    ...(scale ? { scale } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
  };
}

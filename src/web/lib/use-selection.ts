/**
 * The selection (scorecard, org unit, period) and other view settings read from and written to the URL's
 * query string through the router, so Back and bookmarks work.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isComplete, readSelection, type Selection } from './selection.ts';

export interface SelectionState {
  readonly selection: Partial<Selection>;
  /** The selection when all three parts are set; null while the layout is still filling them in. */
  readonly complete: Selection | null;
  /** Sets some parts, keeping every other query parameter. `replace` rewrites the history entry. */
  readonly update: (change: Partial<Selection>, options?: { readonly replace?: boolean }) => void;
}

export function useSelection(): SelectionState {
  const [params, setParams] = useSearchParams();
  const selection = useMemo(() => readSelection(params), [params]);
  const update = useCallback(
    (change: Partial<Selection>, options: { readonly replace?: boolean } = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(change)) {
            if (value !== undefined) next.set(key, value);
          }
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );
  return { selection, complete: isComplete(selection) ? selection : null, update };
}

/** One more query parameter of a page (e.g. the comparison's depth), limited to `allowed` values. */
export function useSearchParam<T extends string>(
  name: string,
  allowed: readonly T[],
  fallback: T,
): [T, (value: T) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const value = allowed.find((candidate) => candidate === raw) ?? fallback;
  const set = useCallback(
    (next: T) => {
      setParams((previous) => {
        const updated = new URLSearchParams(previous);
        updated.set(name, next);
        return updated;
      });
    },
    [name, setParams],
  );
  return [value, set];
}

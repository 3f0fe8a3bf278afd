/**
 * The grid's edits outside React state: typing into a cell changes this store, and only what reads the changed
 * cell draws again (the cell itself, and the Save bar, which reads the whole map). Held in React state, every
 * keystroke drew the whole table again (492 inputs on AZ's grid: 0.7 s a key on these machines). The edits
 * themselves stay immutable maps (grid-edits.ts), so a snapshot is a value and `useSyncExternalStore` sees a
 * change by identity.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { CellEdit, Edits } from './grid-edits.ts';

export class EditStore {
  private edits: Edits = new Map();
  private readonly listeners = new Set<() => void>();

  /** The current edits (a new map after every change). */
  readonly snapshot = (): Edits => this.edits;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** One cell's edit, or undefined when it is as stored. */
  get(key: string): CellEdit | undefined {
    return this.edits.get(key);
  }

  /** Replaces the edits with what `change` makes of them, and tells who listens. */
  update(change: (edits: Edits) => Edits): void {
    const next = change(this.edits);
    if (next === this.edits) return;
    this.edits = next;
    for (const listener of this.listeners) listener();
  }
}

/** All edits, redrawn on every change (the Save bar, the batch). */
export function useEdits(store: EditStore): Edits {
  return useSyncExternalStore(store.subscribe, store.snapshot);
}

/** One cell's edit, redrawn only when that cell's edit changes. */
export function useCellEdit(store: EditStore, key: string): CellEdit | undefined {
  const read = useCallback(() => store.get(key), [store, key]);
  return useSyncExternalStore(store.subscribe, read);
}

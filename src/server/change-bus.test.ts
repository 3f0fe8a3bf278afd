import { describe, expect, it } from 'vitest';
import { ChangeBus } from './change-bus.ts';

describe('ChangeBus', () => {
  it('tells every listener, even after one of them fails, and reports the failure aside', () => {
    const failures: unknown[] = [];
    const bus = new ChangeBus((error) => failures.push(error));
    const heard: string[] = [];
    bus.subscribe(() => {
      throw new Error('listener broke');
    });
    bus.subscribe((event) => heard.push(event.kind));
    expect(() => bus.publish({ kind: 'metadata', revision: 3 })).not.toThrow();
    expect(heard).toEqual(['metadata']);
    expect(failures).toEqual([new Error('listener broke')]);
  });

  it('stops telling a listener that unsubscribed', () => {
    const bus = new ChangeBus();
    const heard: number[] = [];
    const unsubscribe = bus.subscribe((event) => heard.push(event.kind === 'metadata' ? event.revision : -1));
    bus.publish({ kind: 'metadata', revision: 1 });
    unsubscribe();
    bus.publish({ kind: 'metadata', revision: 2 });
    expect(heard).toEqual([1]);
  });
});

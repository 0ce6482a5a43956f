import { expect } from '@jest/globals';
import type { StreamModel } from '../command-handling.js';
import { DomainError } from '../errors.js';
import type { CommandMetadata, Event } from '../messages.js';

/** Metadata for deciders under test, with "now" as given. */
export const testMetadata = (now = '2026-11-23T02:00:00.000Z'): CommandMetadata => ({
  actorId: 'tester',
  actorRole: 'bureau_admin',
  commandId: 'command-1',
  correlationId: 'command-1',
  causationId: 'command-1',
  now,
});

/**
 * Given/when/then for pure deciders, no Nest and no store:
 * `spec(model).given(events).when((state) => decide(command, state)).then(events)` or `.thenFails(code)`.
 */
export const spec = <State, E extends Event>(model: StreamModel<State, E>) => ({
  given: (history: E[]) => ({
    when: (decide: (state: State) => E | E[]) => {
      const state = history.reduce((s, event) => model.evolve(s, event), model.initialState());
      const run = () => [decide(state)].flat().map(({ type, data }) => ({ type, data }));
      return {
        then: (expected: Pick<E, 'type' | 'data'>[]) => expect(run()).toEqual(expected),
        thenFails: (code: string, field?: string) => {
          try {
            run();
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe(code);
            if (field) expect((error as DomainError).field).toBe(field);
            return;
          }
          throw new Error(`expected the decider to refuse with ${code}`);
        },
      };
    },
  }),
});

import type { CallAnswerer } from '../../tools/aws-endpoint/server.js';
import type { WorldOptions } from '../../tools/aws-endpoint/world/model.js';
import { createWorld, type SimulatedWorld } from '../../tools/aws-endpoint/world/world.js';

/**
 * A world for one endpoint that tests can replace between cases: start the
 * endpoint once with `answerer`, then `use(options)` per test.
 */
export function switchableWorld(initial: WorldOptions = {}) {
  let current: SimulatedWorld = createWorld(initial);
  const answerer: CallAnswerer = {
    answer: (call) => current.answer(call),
    reset: () => current.reset(),
  };
  return {
    answerer,
    /** Replaces the world; returns it. */
    use(options: WorldOptions): SimulatedWorld {
      current = createWorld(options);
      return current;
    },
    get current(): SimulatedWorld {
      return current;
    },
  };
}

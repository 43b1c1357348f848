// The local host's clock: real time shifted by an offset the developer sets, so it runs on from the set instant.

export interface DevClock {
  now(): number;
  set(instant: number): void;
}

export function devClock(startAt?: number, realNow: () => number = Date.now): DevClock {
  let offset = startAt === undefined ? 0 : startAt - realNow();
  return {
    now: () => realNow() + offset,
    set(instant) {
      offset = instant - realNow();
    },
  };
}

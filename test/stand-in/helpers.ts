// Shared bits of the stand-in's own tests.
import { Octokit } from '@octokit/rest';
import { RequestError } from '@octokit/request-error';
import { jest } from '@jest/globals';
import type { StandIn } from '../support/github-stand-in/index.js';

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function octo(s: StandIn, token = 'ghs_test'): Octokit {
  return new Octokit({ auth: token, baseUrl: s.apiUrl, log: quiet });
}

export const OR = { owner: 'acme', repo: 'mesh-config' } as const;

let fakeClockStoppedAt = 0;

/** Runs `work` on a fake clock instead of sleeping: setTimeout and Date are fake (so Octokit's retry-after waits,
 *  Bottleneck's spacing and the stand-in's `delay` fault), sockets, setImmediate and promises stay real. The clock
 *  jumps to the next timer only after pending I/O had a chance to run. Returns the value and the fake time passed. */
export async function onFakeClock<T>(work: () => Promise<T>): Promise<{ value: T; elapsedMs: number }> {
  jest.useFakeTimers({
    // Never earlier than where the last fake clock stopped: Octokit's limiters are shared by every client in the
    // process and remember when they may next run; a clock set back would make the next test wait out that time.
    now: Math.max(Date.now(), fakeClockStoppedAt),
    doNotFake: [
      'nextTick',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'hrtime',
      'performance',
    ],
  });
  try {
    const t0 = Date.now();
    let done = false;
    const running = work().finally(() => {
      done = true;
    });
    running.catch(() => {});
    while (!done) {
      for (let i = 0; i < 5 && !done; i++) await new Promise((r) => setImmediate(r));
      if (!done) await jest.advanceTimersToNextTimerAsync();
    }
    return { value: await running, elapsedMs: Date.now() - t0 };
  } finally {
    fakeClockStoppedAt = Date.now();
    jest.useRealTimers();
  }
}

/** The status and body of a request that must fail. */
export async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; data: any; headers: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RequestError)
      return { status: e.status, data: e.response?.data, headers: e.response?.headers ?? {} };
    throw e;
  }
  throw new Error('expected the request to fail');
}

export async function gql(
  s: StandIn,
  query: string,
  variables: Record<string, unknown> = {},
  token = 'ghs_test',
): Promise<any> {
  const res = await fetch(s.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

// The runner's environment and the event that started the run (@actions/github's context), and the links into
// the repository that it gives.
import { context } from '@actions/github';

export interface Env {
  eventName: string;
  /** The event payload as @actions/github's context reads it from GITHUB_EVENT_PATH. */
  event: typeof context.payload;
  owner: string;
  repo: string;
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
  root: string;
  sha: string;
  runId: string;
  runUrl: string | null;
}

export function readEnv(): Env {
  const e = process.env;
  let owner = '';
  let repo = '';
  try {
    ({ owner, repo } = context.repo);
  } catch {
    /* neither GITHUB_REPOSITORY nor a repository in the payload */
  }
  const serverUrl = context.serverUrl.replace(/\/$/, '');
  const apiUrl = context.apiUrl.replace(/\/$/, '');
  const runId = Number.isFinite(context.runId) ? String(context.runId) : String(Date.now());
  const attempt = Number.isFinite(context.runAttempt) ? context.runAttempt : 1;
  return {
    eventName: context.eventName ?? '',
    event: context.payload,
    owner,
    repo,
    apiUrl,
    serverUrl,
    // context falls back to github.com's GraphQL endpoint; on GitHub Enterprise Server it sits beside the REST API.
    graphqlUrl: e.GITHUB_GRAPHQL_URL || `${apiUrl.replace(/\/v3$/, '')}/graphql`,
    root: e.GITHUB_WORKSPACE || process.cwd(),
    sha: context.sha ?? '',
    runId: `${runId}-${attempt}`,
    runUrl:
      Number.isFinite(context.runId) && owner && repo
        ? `${serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`
        : null,
  };
}

/** The fields of a pull_request event this Action needs, checked: a payload without them is a clear error. */
export function pullRequestOf(env: Env): { number: number; headSha: string; baseSha: string } {
  const pr = env.event.pull_request;
  if (!pr) throw new Error(`the ${env.eventName} event has no pull_request payload`);
  const headSha = payloadField(pr, 'head', 'sha');
  const baseSha = payloadField(pr, 'base', 'sha');
  if (!Number.isInteger(pr.number) || typeof headSha !== 'string' || typeof baseSha !== 'string') {
    throw new Error(`the ${env.eventName} event's pull_request lacks number, head.sha or base.sha`);
  }
  return { number: pr.number, headSha, baseSha };
}

/** The commits a push (or merge_group) event compares, when the payload names them. */
export function pushRangeOf(env: Env): { head: string | null; before: string | null } {
  const p = env.event;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    head: str(p.after) ?? str(payloadField(p, 'merge_group', 'head_sha')),
    before: str(p.before) ?? str(payloadField(p, 'merge_group', 'base_sha')),
  };
}

/** A nested field of the event payload (untyped JSON): undefined where a step is missing or not an object. */
export function payloadField(value: unknown, ...keys: string[]): unknown {
  let v = value;
  for (const k of keys) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

export function linker(env: Env, sha: string): (file: string, line: number) => string {
  return (file, line) =>
    `${env.serverUrl}/${env.owner}/${env.repo}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

// The GitHub API client for this run: the event's repository, the runner's API endpoints, the Action's log.
import * as core from '@actions/core';
import { logLine } from '../util/escape.js';
import { GitHubApi, makeClient, pacing } from './api.js';
import type { Inputs } from './inputs.js';
import type { Env } from './event.js';

const log = { warning: (m: string) => core.warning(logLine(m)), info: (m: string) => core.info(logLine(m)) };

export function apiFor(inputs: Inputs, env: Env): GitHubApi {
  const pace = pacing();
  return new GitHubApi(
    makeClient(inputs.token, env.apiUrl, env.graphqlUrl, log, pace),
    { owner: env.owner, repo: env.repo },
    pace.retryDelayMs,
  );
}

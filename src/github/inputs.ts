// The Action's inputs (action.yml), read and checked: a bad value is a clear error before anything runs.
import * as core from '@actions/core';
import type { FailOn, Severity } from '../types.js';
import type { LoadOptions } from '../settings-loader.js';
import { DEFAULT_PATHS, parseGlobs } from '../review/files.js';

export interface Inputs {
  token: string;
  paths: string[];
  config: string;
  failOn: FailOn;
  maxComments: number;
  sarifFile: string;
  checkName: string;
  meshConfig: string;
  meshNetworks: string;
  commentLevel: Severity;
  /** The conclusion when the review could not see every change (failure, or neutral when configured). */
  onIncomplete: 'failure' | 'neutral';
  /** false: suppressions a pull request adds count as findings at the fail-on level. */
  allowNewSuppressions: boolean;
}

export function readInputs(): Inputs {
  const failOn = (core.getInput('fail-on') || 'error').trim().toLowerCase();
  if (!['error', 'warning', 'info', 'none'].includes(failOn))
    throw new Error(`fail-on must be error, warning, info or none, not "${failOn}"`);
  const max = Number((core.getInput('max-comments') || '30').trim());
  if (!Number.isInteger(max) || max < 0) throw new Error('max-comments must be a whole number ≥ 0');
  const onIncomplete = (core.getInput('on-incomplete') || 'failure').trim().toLowerCase();
  if (onIncomplete !== 'failure' && onIncomplete !== 'neutral')
    throw new Error(`on-incomplete must be failure or neutral, not "${onIncomplete}"`);
  const allow = (core.getInput('allow-new-suppressions') || 'true').trim().toLowerCase();
  if (allow !== 'true' && allow !== 'false')
    throw new Error(`allow-new-suppressions must be true or false, not "${allow}"`);
  const token = core.getInput('github-token') || process.env.GITHUB_TOKEN || '';
  const paths = parseGlobs(core.getInput('paths'));
  const commentLevel = (core.getInput('comment-level') || 'warning').trim().toLowerCase();
  if (!['error', 'warning', 'info'].includes(commentLevel))
    throw new Error(`comment-level must be error, warning or info, not "${commentLevel}"`);
  return {
    token,
    paths: paths.length > 0 ? paths : DEFAULT_PATHS,
    config: core.getInput('config') || '.istio-review.yaml',
    failOn: failOn as FailOn,
    maxComments: max,
    sarifFile: core.getInput('sarif-file'),
    checkName: core.getInput('check-name') || 'istio-review',
    meshConfig: core.getInput('mesh-config'),
    meshNetworks: core.getInput('mesh-networks'),
    commentLevel: commentLevel as Severity,
    onIncomplete,
    allowNewSuppressions: allow === 'true',
  };
}

export function loadOptions(inputs: Inputs): LoadOptions {
  return {
    configFile: inputs.config,
    configRequired: inputs.config !== '.istio-review.yaml',
    meshConfigFile: inputs.meshConfig || null,
    meshNetworksFile: inputs.meshNetworks || null,
  };
}

// The review settings (config file, mesh config, mesh networks) for a run, and the merge base's when a pull
// request changes them.
import * as core from '@actions/core';
import { loadSettings, readInsideRepository, settingsFiles, type LoadedSettings } from '../settings-loader.js';
import { logLine } from '../util/escape.js';
import { toPosix } from '../review/files.js';
import type { ChangeSet } from '../review/diff.js';
import type { Git } from '../review/git.js';
import { loadOptions, type Inputs } from './inputs.js';
import { messageOf, type GitHubApi } from './api.js';

export function loadFor(inputs: Inputs): LoadedSettings {
  // The checkout is the pull request's (under pull_request): settings files are read inside it, links not followed.
  const loaded = loadSettings({ ...loadOptions(inputs), read: readInsideRepository(process.cwd()) });
  for (const w of loaded.warnings) core.warning(logLine(w));
  return loaded;
}

/**
 * The settings as they were at the merge base, when the pull request changes a settings file (the config file,
 * the mesh config or mesh networks file): the base findings are computed under them, so that what the change
 * affects anywhere in the repository is new. Null when no settings file changed. Under pull_request_target the
 * settings come from the base anyway.
 */
export async function baseSettings(
  inputs: Inputs,
  loaded: LoadedSettings,
  changes: ChangeSet,
  eventName: string,
  src: { git: Git; mergeBase: string | null; api: GitHubApi; baseSha: string },
): Promise<LoadedSettings | null> {
  if (eventName === 'pull_request_target') return null;
  const opts = loadOptions(inputs);
  const files = [...new Set(settingsFiles(opts, loaded).map(toPosix))];
  const changed = changes.files.filter(
    (f) => files.includes(f.path) || (f.basePath !== null && files.includes(f.basePath)),
  );
  if (changed.length === 0) return null;
  core.info(
    logLine(
      `The pull request changes ${changed.map((f) => f.path).join(', ')}: reviewing everything these settings affect.`,
    ),
  );
  let texts: Map<string, string | null>;
  if (src.mergeBase) {
    texts = new Map([...src.git.readAt(src.mergeBase, files)].map(([p, b]) => [p, b ? b.toString('utf8') : null]));
  } else {
    const blobs = await src.api.readBlobs(files.map((p) => `${src.baseSha}:${p}`));
    texts = new Map(files.map((p) => [p, blobs.get(`${src.baseSha}:${p}`) ?? null]));
  }
  const read = (f: string) => texts.get(toPosix(f)) ?? null;
  try {
    return loadSettings({ ...opts, configRequired: false, read });
  } catch (err) {
    // A base whose settings do not load (a file the pull request adds, or broken on the base): compare with the defaults.
    core.info(`The base's settings do not load (${logLine(messageOf(err))}); comparing with the default settings.`);
    return loadSettings({ read: () => null });
  }
}

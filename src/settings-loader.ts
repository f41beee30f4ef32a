// Loads the config file and mesh settings (I/O edge) into the pure engine's inputs.
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { emptyConfig, parseReviewConfig, type ReviewConfig } from './config/config.js';
import { applyMeshConfig, defaultMeshSettings, meshConfigFromDocument, type MeshSettings } from './mesh/settings.js';
import type { Json, JsonObject } from './manifests/resource.js';
import { isObject } from './manifests/resource.js';
import { ALL_RULES } from './rules/index.js';
import { closest } from './util/closest.js';
import { readFollowing, readUnder, type NoFollowRead } from './manifests/no-follow.js';

export class UsageError extends Error {}

export interface LoadedSettings {
  config: ReviewConfig;
  settings: MeshSettings;
  warnings: string[];
  /** The `--mesh-networks` file as read, so the check can report findings against its lines. */
  meshNetworksSource?: { path: string; text: string };
}

export interface LoadOptions {
  configFile?: string | null;
  configRequired?: boolean;
  meshConfigFile?: string | null;
  meshNetworksFile?: string | null;
  /** Reads a settings file; null when it does not exist. Default: the file system. The review passes one that
   *  reads the merge base's versions, to compare the findings under the base's settings. */
  read?: (file: string) => string | null;
}

const MAX_SETTINGS_BYTES = 1024 * 1024;

function textOf(file: string, read: NoFollowRead): string | null {
  if (read.kind === 'missing') return null;
  if (read.kind === 'unreadable') throw new UsageError(`cannot read ${file}: ${read.reason}`);
  if (read.bytes.length > MAX_SETTINGS_BYTES)
    throw new UsageError(`${file} is larger than ${MAX_SETTINGS_BYTES / 1048576} MiB`);
  return read.bytes.toString('utf8');
}

/** The CLI's reader: the path given, links followed, but only to a regular file, and bounded. */
function readFromDisk(file: string): string | null {
  return textOf(file, readFollowing(file, MAX_SETTINGS_BYTES));
}

/** The Action's reader, for a checkout a pull request controls (under `pull_request` even the config file naming the
 *  mesh config is the PR's): the path must stay inside `root` and no link on the way is followed, so a config cannot
 *  make the run read a device, /proc, or a file outside the repository. */
export function readInsideRepository(root: string): (file: string) => string | null {
  return (file) => {
    const rel = path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
    if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel))
      throw new UsageError(`cannot read ${file}: it is not a file inside the repository`);
    return textOf(file, readUnder(root, rel, MAX_SETTINGS_BYTES));
  };
}

/** The settings files these options read (the config file, and the mesh files given or named by the config). */
export function settingsFiles(opts: LoadOptions, loaded: LoadedSettings): string[] {
  return [opts.configFile, opts.meshConfigFile ?? loaded.config.meshConfigFile, opts.meshNetworksFile].filter(
    (f): f is string => typeof f === 'string' && f !== '',
  );
}

export function loadSettings(opts: LoadOptions): LoadedSettings {
  const read = opts.read ?? readFromDisk;
  const warnings: string[] = [];
  let config = emptyConfig();
  if (opts.configFile) {
    const configText = read(opts.configFile);
    if (configText !== null) {
      const { config: c, errors } = parseReviewConfig(opts.configFile, configText);
      if (errors.length > 0) throw new UsageError(errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
      config = c;
      const dir = path
        .relative(process.cwd(), path.dirname(path.resolve(opts.configFile)))
        .split(path.sep)
        .join('/');
      config.baseDir = dir === '.' ? '' : dir;
      const ids = ALL_RULES.map((r) => r.id);
      for (const id of Object.keys(config.rules)) {
        if (!ids.includes(id)) {
          const guess = closest(id, ids);
          warnings.push(`${opts.configFile}: unknown rule "${id}" in rules${guess ? ` (did you mean ${guess}?)` : ''}`);
        }
      }
    } else if (opts.configRequired) {
      throw new UsageError(`config file ${opts.configFile} not found`);
    }
  }
  let settings = defaultMeshSettings();
  if (config.istioVersion) settings.istioVersion = config.istioVersion;
  if (config.mesh) settings = applyMeshConfig(settings, config.mesh);
  const meshFile = opts.meshConfigFile ?? config.meshConfigFile;
  if (meshFile) settings = applyMeshConfig(settings, readMeshConfig(meshFile, read));
  let meshNetworksSource: LoadedSettings['meshNetworksSource'];
  if (opts.meshNetworksFile) {
    const { value, text } = readYamlFile(opts.meshNetworksFile, read);
    settings.meshNetworks = isObject(value) ? value : {};
    meshNetworksSource = { path: opts.meshNetworksFile, text };
  }
  return { config, settings, warnings, ...(meshNetworksSource ? { meshNetworksSource } : {}) };
}

function readYamlFile(file: string, read: (file: string) => string | null): { value: Json; text: string } {
  let text: string | null;
  try {
    text = read(file);
  } catch (err) {
    throw err instanceof UsageError ? err : new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (text === null) throw new UsageError(`cannot read ${file}: no such file`);
  try {
    return { value: parseYaml(text, { version: '1.1', maxAliasCount: 50 }) as Json, text };
  } catch (err) {
    throw new UsageError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

function readMeshConfig(file: string, read: (file: string) => string | null): JsonObject {
  return meshConfigFromDocument(readYamlFile(file, read).value, (s) => parseYaml(s, { version: '1.1' }) as Json);
}

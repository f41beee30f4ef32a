// Loads the config file and mesh settings (I/O edge) into the pure engine's inputs.
import { parse as parseYaml } from 'yaml';
import { emptyConfig, parseReviewConfig, type ReviewConfig } from './config/config.js';
import { applyMeshConfig, defaultMeshSettings, meshConfigFromDocument, type MeshSettings } from './mesh/settings.js';
import type { Json, JsonObject } from './manifests/resource.js';
import { isObject } from './manifests/resource.js';
import { ALL_RULES } from './rules/index.js';
import { closest } from './util/closest.js';
import path from 'node:path';
import { readFollowing, readUnder, type NoFollowRead } from './manifests/no-follow.js';

export class UsageError extends Error {}

const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedSettings {
  config: ReviewConfig;
  settings: MeshSettings;
  warnings: string[];
  /** The `--mesh-networks` file as read, so the check can report findings against its lines. */
  meshNetworksSource?: { path: string; text: string };
}

export function loadSettings(opts: { configFile?: string | null; configRequired?: boolean; meshConfigFile?: string | null; meshNetworksFile?: string | null; noFollow?: boolean }): LoadedSettings {
  const warnings: string[] = [];
  let config = emptyConfig();
  if (opts.configFile) {
    // In a checkout a pull request controls (the Action), a link is never followed: a config file that is a link is
    // read as its link text (and then fails to parse), so it cannot point at a device or a file outside the repository.
    const read = readSettingsFile(opts.configFile, opts.noFollow ?? false);
    if (read.kind === 'unreadable') throw new UsageError(`cannot read ${opts.configFile}: ${read.reason}`);
    if (read.kind === 'file') {
      if (read.bytes.length > MAX_CONFIG_BYTES) throw new UsageError(`${opts.configFile} is larger than ${MAX_CONFIG_BYTES / 1048576} MiB`);
      const { config: c, errors } = parseReviewConfig(opts.configFile, read.bytes.toString('utf8'));
      if (errors.length > 0) throw new UsageError(errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n'));
      config = c;
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
  const noFollow = opts.noFollow ?? false;
  const meshFile = opts.meshConfigFile ?? config.meshConfigFile;
  if (meshFile) settings = applyMeshConfig(settings, readMeshConfig(meshFile, noFollow));
  let meshNetworksSource: LoadedSettings['meshNetworksSource'];
  if (opts.meshNetworksFile) {
    const text = readText(opts.meshNetworksFile, noFollow);
    const v = parseYamlText(opts.meshNetworksFile, text);
    settings.meshNetworks = isObject(v) ? v : {};
    meshNetworksSource = { path: opts.meshNetworksFile, text };
  }
  return { config, settings, warnings, ...(meshNetworksSource ? { meshNetworksSource } : {}) };
}

/** A settings file. With `noFollow` (the Action, whose checkout a pull request controls: under `pull_request` even
 *  the config file naming the mesh config is the PR's), the path must stay inside the working directory and no link
 *  on the way is followed, so a config cannot make the run read a device, /proc, or a file outside the repository. */
function readSettingsFile(file: string, noFollow: boolean): NoFollowRead {
  if (!noFollow) return readFollowing(file, MAX_CONFIG_BYTES);
  const rel = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
  if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return { kind: 'unreadable', reason: 'it is not a file inside the repository' };
  return readUnder(process.cwd(), rel, MAX_CONFIG_BYTES);
}

function readText(file: string, noFollow: boolean): string {
  const read = readSettingsFile(file, noFollow);
  if (read.kind === 'missing') throw new UsageError(`cannot read ${file}: it does not exist`);
  if (read.kind === 'unreadable') throw new UsageError(`cannot read ${file}: ${read.reason}`);
  if (read.bytes.length > MAX_CONFIG_BYTES) throw new UsageError(`${file} is larger than ${MAX_CONFIG_BYTES / 1048576} MiB`);
  return read.bytes.toString('utf8');
}

function parseYamlText(file: string, text: string): Json {
  try { return parseYaml(text, { version: '1.1', maxAliasCount: 50 }) as Json; } catch (err) {
    throw new UsageError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

function readMeshConfig(file: string, noFollow: boolean): JsonObject {
  return meshConfigFromDocument(parseYamlText(file, readText(file, noFollow)), (s) => parseYaml(s, { version: '1.1' }) as Json);
}

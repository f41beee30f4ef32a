// Loads the config file and mesh settings (I/O edge) into the pure engine's inputs.
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { emptyConfig, parseReviewConfig, type ReviewConfig } from './config/config.js';
import { applyMeshConfig, defaultMeshSettings, meshConfigFromDocument, type MeshSettings } from './mesh/settings.js';
import type { Json, JsonObject } from './manifests/resource.js';
import { isObject } from './manifests/resource.js';
import { ALL_RULES } from './rules/index.js';
import { closest } from './util/closest.js';
import { readFollowing, readNoFollow } from './manifests/no-follow.js';

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
    const read = opts.noFollow ? readNoFollow(opts.configFile, MAX_CONFIG_BYTES) : readFollowing(opts.configFile, MAX_CONFIG_BYTES);
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
  const meshFile = opts.meshConfigFile ?? config.meshConfigFile;
  if (meshFile) settings = applyMeshConfig(settings, readMeshConfig(meshFile));
  let meshNetworksSource: LoadedSettings['meshNetworksSource'];
  if (opts.meshNetworksFile) {
    const v = readYamlFile(opts.meshNetworksFile);
    settings.meshNetworks = isObject(v) ? v : {};
    meshNetworksSource = { path: opts.meshNetworksFile, text: fs.readFileSync(opts.meshNetworksFile, 'utf8') };
  }
  return { config, settings, warnings, ...(meshNetworksSource ? { meshNetworksSource } : {}) };
}

function readYamlFile(file: string): Json {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (err) { throw new UsageError(`cannot read ${file}: ${(err as Error).message}`); }
  try { return parseYaml(text, { version: '1.1', maxAliasCount: 50 }) as Json; } catch (err) {
    throw new UsageError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

function readMeshConfig(file: string): JsonObject {
  return meshConfigFromDocument(readYamlFile(file), (s) => parseYaml(s, { version: '1.1' }) as Json);
}

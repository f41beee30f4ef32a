// The project's config file (.istio-review.yaml): rule levels, mesh settings, and what exists outside
// the repository (namespaces, hosts, gateways, workloads) so references to those are not "not found".
import { parseDocument } from 'yaml';
import { makeSourceFile, lineOf } from '../manifests/source.js';
import { isObject, asStringMap, type Json, type JsonObject } from '../manifests/resource.js';
import type { Severity } from '../types.js';
import { emptyRecord } from '../util/own.js';

export type RuleLevel = Severity | 'off';

export interface ExternalWorkload {
  namespace: string | null;
  labels: Record<string, string>;
}

export interface ExternalDeclarations {
  namespaces: string[];
  /** Hosts served outside the repository (FQDNs or wildcards), visible everywhere. */
  hosts: string[];
  /** Gateways as "namespace/name". */
  gateways: string[];
  workloads: ExternalWorkload[];
  /** Hosts (FQDNs or wildcards) whose DestinationRules are kept outside the repository. */
  destinationRules: string[];
}

/** A target the config declares (`targets:`): what is applied together, overriding discovery. */
export interface DeclaredTarget {
  name: string;
  /** Globs of the files it holds (read as they are). */
  paths: string[];
  /** A kustomization directory kustomize renders. */
  kustomize: string | null;
  /** A command that prints the target's manifests (helm template …). */
  render: string | null;
  defaultNamespace: string | null;
  mesh: JsonObject | null;
}

export interface ReviewConfig {
  istioVersion: string | null;
  defaultNamespace: string | null;
  /** MeshConfig fields, as in the `mesh` key of the `istio` ConfigMap. */
  mesh: JsonObject | null;
  meshConfigFile: string | null;
  rules: Record<string, RuleLevel>;
  external: ExternalDeclarations;
  /** Declared targets; null when the config declares none (targets are discovered). */
  targets: DeclaredTarget[] | null;
  /** The directory of the config file (its `targets` paths are relative to it), in the form paths are checked in; '' for the current one. */
  baseDir: string;
}

export interface ConfigError {
  file: string;
  line: number;
  message: string;
}

export function emptyConfig(): ReviewConfig {
  return {
    istioVersion: null,
    defaultNamespace: null,
    mesh: null,
    meshConfigFile: null,
    rules: emptyRecord<RuleLevel>(),
    external: { namespaces: [], hosts: [], gateways: [], workloads: [], destinationRules: [] },
    targets: null,
    baseDir: '',
  };
}

const LEVELS = new Set(['off', 'info', 'warning', 'error']);
const TOP_KEYS = new Set([
  'istioVersion',
  'defaultNamespace',
  'mesh',
  'meshConfigFile',
  'rules',
  'external',
  'targets',
]);

/** Parses and validates a config file; errors name the file and line. Unknown rule ids are checked by the caller. */
export function parseReviewConfig(file: string, text: string): { config: ReviewConfig; errors: ConfigError[] } {
  const config = emptyConfig();
  const errors: ConfigError[] = [];
  const src = makeSourceFile(file, text);
  const doc = parseDocument(src.text, { version: '1.1', uniqueKeys: true });
  for (const e of doc.errors) errors.push({ file, line: lineOf(src, e.pos[0]), message: e.message.split('\n')[0]! });
  if (errors.length > 0) return { config, errors };
  const lineAt = (path: (string | number)[]) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineOf(src, node.range[0]) : 1;
  };
  const value = doc.toJS({ maxAliasCount: 50 }) as Json;
  if (value === null || value === undefined) return { config, errors };
  if (!isObject(value))
    return { config, errors: [{ file, line: 1, message: 'the config file must be a YAML mapping' }] };
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.has(key))
      errors.push({
        file,
        line: lineAt([key]),
        message: `unknown setting "${key}" (known: ${[...TOP_KEYS].join(', ')})`,
      });
  }
  const str = (k: string): string | null => {
    const v = value[k];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    errors.push({ file, line: lineAt([k]), message: `"${k}" must be a string` });
    return null;
  };
  config.istioVersion = str('istioVersion');
  config.defaultNamespace = str('defaultNamespace');
  config.meshConfigFile = str('meshConfigFile');
  if (value.mesh !== undefined && value.mesh !== null) {
    if (isObject(value.mesh)) config.mesh = value.mesh;
    else errors.push({ file, line: lineAt(['mesh']), message: '"mesh" must be a mapping of MeshConfig fields' });
  }
  if (value.rules !== undefined && value.rules !== null) {
    if (!isObject(value.rules))
      errors.push({
        file,
        line: lineAt(['rules']),
        message: '"rules" must map rule ids to off, info, warning or error',
      });
    else
      for (const [id, level] of Object.entries(value.rules)) {
        if (typeof level === 'string' && LEVELS.has(level)) config.rules[id] = level as RuleLevel;
        else if (level === false)
          config.rules[id] = 'off'; // YAML 1.1 reads a bare `off` as false
        else
          errors.push({
            file,
            line: lineAt(['rules', id]),
            message: `rule "${id}": level must be off, info, warning or error`,
          });
      }
  }
  const ext = value.external;
  if (ext !== undefined && ext !== null) {
    if (!isObject(ext)) errors.push({ file, line: lineAt(['external']), message: '"external" must be a mapping' });
    else {
      const strings = (k: string): string[] => {
        const v = ext[k];
        if (v === undefined || v === null) return [];
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
        errors.push({ file, line: lineAt(['external', k]), message: `external.${k} must be a list of strings` });
        return [];
      };
      config.external.namespaces = strings('namespaces');
      config.external.hosts = strings('hosts');
      config.external.gateways = strings('gateways');
      config.external.destinationRules = strings('destinationRules');
      const w = ext.workloads;
      if (Array.isArray(w)) {
        w.forEach((item, i) => {
          if (isObject(item) && isObject(item.labels)) {
            config.external.workloads.push({
              namespace: typeof item.namespace === 'string' ? item.namespace : null,
              labels: asStringMap(item.labels),
            });
          } else
            errors.push({
              file,
              line: lineAt(['external', 'workloads', i]),
              message: 'each external workload needs `labels` (and optionally `namespace`)',
            });
        });
      } else if (w !== undefined && w !== null)
        errors.push({ file, line: lineAt(['external', 'workloads']), message: 'external.workloads must be a list' });
    }
  }
  if (value.targets !== undefined && value.targets !== null)
    config.targets = parseTargets(value.targets, lineAt, errors, file);
  return { config, errors };
}

const TARGET_KEYS = new Set(['name', 'paths', 'kustomize', 'render', 'defaultNamespace', 'mesh']);

function parseTargets(
  v: Json,
  lineAt: (path: (string | number)[]) => number,
  errors: ConfigError[],
  file: string,
): DeclaredTarget[] {
  if (!Array.isArray(v)) {
    errors.push({
      file,
      line: lineAt(['targets']),
      message: '"targets" must be a list of targets (name, and one of paths, kustomize or render)',
    });
    return [];
  }
  const out: DeclaredTarget[] = [];
  const names = new Set<string>();
  v.forEach((item, i) => {
    const at = (...p: (string | number)[]) => lineAt(['targets', i, ...p]);
    if (!isObject(item)) {
      errors.push({ file, line: at(), message: `targets[${i}] must be a mapping` });
      return;
    }
    for (const k of Object.keys(item))
      if (!TARGET_KEYS.has(k))
        errors.push({
          file,
          line: at(k),
          message: `targets[${i}]: unknown setting "${k}" (known: ${[...TARGET_KEYS].join(', ')})`,
        });
    const name = typeof item.name === 'string' && item.name.trim() !== '' ? item.name.trim() : null;
    if (!name) {
      errors.push({ file, line: at(), message: `targets[${i}] needs a name` });
      return;
    }
    if (names.has(name)) errors.push({ file, line: at('name'), message: `target name "${name}" is used twice` });
    names.add(name);
    const paths =
      item.paths === undefined || item.paths === null
        ? []
        : Array.isArray(item.paths) && item.paths.every((p) => typeof p === 'string')
          ? item.paths
          : null;
    if (paths === null)
      errors.push({ file, line: at('paths'), message: `target "${name}": paths must be a list of globs` });
    const str = (k: string) => (typeof item[k] === 'string' && item[k].trim() !== '' ? item[k].trim() : null);
    const kustomize = str('kustomize');
    const render = str('render');
    const ways = [paths && paths.length > 0, kustomize, render].filter(Boolean).length;
    if (ways !== 1)
      errors.push({ file, line: at(), message: `target "${name}" needs exactly one of paths, kustomize or render` });
    if (item.mesh !== undefined && item.mesh !== null && !isObject(item.mesh))
      errors.push({ file, line: at('mesh'), message: `target "${name}": mesh must be a mapping of MeshConfig fields` });
    out.push({
      name,
      paths: paths ?? [],
      kustomize,
      render,
      defaultNamespace: str('defaultNamespace'),
      mesh: isObject(item.mesh) ? item.mesh : null,
    });
  });
  return out;
}

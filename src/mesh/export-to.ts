// exportTo: who may see a Service, ServiceEntry, VirtualService or DestinationRule.
// `.` = own namespace, `*` = every namespace, `~` = none, else namespace names.

export interface ExportScope {
  all: boolean;
  none: boolean;
  /** Namespace names ("." already replaced by the owner's namespace). */
  namespaces: Set<string>;
  /** The list as written, or null when the mesh default applied. */
  written: string[] | null;
}

export function exportScope(
  list: readonly string[] | null | undefined,
  ownerNamespace: string,
  meshDefault: readonly string[] | null,
): ExportScope {
  const written = list && list.length > 0 ? [...list] : null;
  const effective = written ?? (meshDefault && meshDefault.length > 0 ? [...meshDefault] : ['*']);
  const scope: ExportScope = { all: false, none: false, namespaces: new Set(), written };
  for (const e of effective) {
    if (e === '*') scope.all = true;
    else if (e === '~') scope.none = true;
    else if (e === '.') scope.namespaces.add(ownerNamespace);
    else scope.namespaces.add(e);
  }
  if (scope.all) scope.none = false;
  return scope;
}

/** Can workloads (or resources) in `fromNamespace` see something exported with `scope`? */
export function isVisibleFrom(scope: ExportScope, fromNamespace: string): boolean {
  if (scope.all) return true;
  if (scope.none && scope.namespaces.size === 0) return false;
  return scope.namespaces.has(fromNamespace);
}

/** The Service annotation form: comma-separated. */
export function parseExportToAnnotation(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return parts.length > 0 ? parts : null;
}

export function describeScope(scope: ExportScope): string {
  if (scope.written === null)
    return scope.all
      ? 'exported to every namespace (no exportTo)'
      : `exportTo from the mesh default: [${[...scope.namespaces].join(', ')}]`;
  return `exportTo: [${scope.written.map((s) => JSON.stringify(s)).join(', ')}]`;
}

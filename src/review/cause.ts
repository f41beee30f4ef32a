// A new finding on an object whose own file the pull request did not change, in a target whose kustomization or
// patch it did change: the overlay change is the cause (a patch renamed a port the base routes to, a namespace
// moved a host out of reach). The comment goes on the changed overlay line, and says where the object is written.
import type { Finding } from '../types.js';
import type { ChangeSet } from './diff.js';
import type { TargetBuild } from '../targets/views.js';
import { isKustomizationPath } from '../targets/kustomization.js';

export function anchorAtCause(findings: readonly Finding[], changes: ChangeSet, build: TargetBuild): Finding[] {
  const changed = new Map(changes.files.filter((f) => f.status !== 'removed').map((f) => [f.path, f]));
  const targets = new Map(build.views.map((v) => [v.target.name, v.target]));
  return findings.map((f) => {
    if (changed.has(f.file) || !f.targets?.length) return f;
    // The target's own overlay files this PR edited: patches first (they change objects), then kustomizations.
    const causes: { path: string; line: number; rank: number }[] = [];
    for (const name of f.targets) {
      const t = targets.get(name);
      if (!t || t.kind !== 'kustomize') continue;
      for (const p of t.files) {
        const cf = changed.get(p);
        if (!cf || cf.added.size === 0) continue;
        const rank = t.patchFiles.has(p) ? 0 : isKustomizationPath(p) ? 1 : 2;
        if (rank < 2) causes.push({ path: p, line: Math.min(...cf.added), rank });
      }
    }
    const cause = causes.sort((a, b) => a.rank - b.rank || (a.path < b.path ? -1 : 1) || a.line - b.line)[0];
    if (!cause) return f;
    return {
      ...f,
      file: cause.path,
      line: cause.line,
      endLine: cause.line,
      message: `${f.message} (The object is written at ${f.file}:${f.line}, which this pull request does not change: this overlay change causes the problem.)`,
    };
  });
}

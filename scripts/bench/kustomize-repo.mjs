// The kustomize part of the benchmark: a generated repository with one base of 500 resources (100 apps × Service,
// ServiceAccount, Deployment, VirtualService, DestinationRule) and 20 overlays (namespace, a strategic-merge patch).
// Measures `check` of the whole repository (every overlay rendered by kustomize) and how many targets the review of
// a one-file pull request (one overlay's patch) renders.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const APPS = 100;
const OVERLAYS = 20;

function write(dir, rel, text) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

function app(i) {
  const n = `app-${String(i).padStart(3, '0')}`;
  return `apiVersion: v1
kind: Service
metadata:
  name: ${n}
spec:
  selector:
    app: ${n}
  ports:
    - name: http
      port: 8080
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${n}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${n}
spec:
  selector:
    matchLabels:
      app: ${n}
      version: v1
  template:
    metadata:
      labels:
        app: ${n}
        version: v1
    spec:
      serviceAccountName: ${n}
      containers:
        - name: app
          image: example.com/${n}:1.0.0
          ports:
            - containerPort: 8080
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${n}
spec:
  hosts:
    - ${n}
  http:
    - route:
        - destination:
            host: ${n}
            subset: v1
            port:
              number: 8080
      timeout: 10s
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${n}
spec:
  host: ${n}
  subsets:
    - name: v1
      labels:
        version: v1
`;
}

const patch = (timeout) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: app-000
spec:
  http:
    - route:
        - destination:
            host: app-000
            subset: v1
            port:
              number: 8080
      timeout: ${timeout}
`;

export function generateKustomizeRepository(dir) {
  const files = [];
  for (let i = 0; i < APPS; i++) {
    write(dir, `base/app-${i}.yaml`, app(i));
    files.push(`app-${i}.yaml`);
  }
  write(dir, 'base/kustomization.yaml', `resources:\n${files.map((f) => `  - ${f}\n`).join('')}`);
  for (let o = 0; o < OVERLAYS; o++) {
    const name = `overlays/env-${String(o).padStart(2, '0')}`;
    write(
      dir,
      `${name}/kustomization.yaml`,
      `namespace: env-${o}\nresources:\n  - ../../base\npatches:\n  - path: timeout.yaml\n`,
    );
    write(dir, `${name}/timeout.yaml`, patch(`${o + 20}s`));
  }
  return { resources: APPS * 5, overlays: OVERLAYS };
}

/** Whole-repository check time, and the targets a one-file PR's review renders. */
export function benchKustomize(dir, cli) {
  const gen = generateKustomizeRepository(dir);
  const git = (...args) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'b',
        GIT_AUTHOR_EMAIL: 'b@x',
        GIT_COMMITTER_NAME: 'b',
        GIT_COMMITTER_EMAIL: 'b@x',
      },
    });
  let t0 = process.hrtime.bigint();
  const check = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--fail-on', 'none', '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const checkMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (check.status !== 0) throw new Error(`check exited ${check.status}: ${check.stderr.slice(0, 2000)}`);
  const report = JSON.parse(check.stdout);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'pr');
  write(dir, 'overlays/env-07/timeout.yaml', patch('45s'));
  git('commit', '-q', '-am', 'one overlay patch');
  t0 = process.hrtime.bigint();
  const review = spawnSync(
    process.execPath,
    [cli, 'review', '--base', 'main', '--format', 'json', '--fail-on', 'none'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const reviewMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (review.status !== 0) throw new Error(`review exited ${review.status}: ${review.stderr.slice(0, 2000)}`);
  const m = /Re-checked (\d+) of (\d+) targets?/.exec(JSON.parse(review.stdout).summary);
  return {
    ...gen,
    checkMs,
    findings: report.findings.length,
    targets: report.targets?.length ?? 0,
    kustomize: report.kustomize,
    reviewMs,
    reviewRendered: m ? Number(m[1]) : NaN,
    reviewOf: m ? Number(m[2]) : NaN,
  };
}

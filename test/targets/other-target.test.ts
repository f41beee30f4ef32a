// A Gateway API route whose backend Service or parent Gateway another target defines: one info naming that target,
// not a warning (the bundle of release/istio-manifests.yaml beside the app's own target, on microservices-demo).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkFixture, serious } from './helpers.js';

const routes = `apiVersion: v1
kind: Service
metadata: {name: cart}
spec:
  selector: {app: cart}
  ports: [{name: http, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: frontend-route}
spec:
  parentRefs:
    - name: public
  rules:
    - backendRefs:
        - name: frontend
          port: 80
`;
const app = `apiVersion: v1
kind: Service
metadata: {name: frontend}
spec:
  selector: {app: frontend}
  ports: [{name: http, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public}
spec:
  gatewayClassName: istio
  listeners: [{name: http, port: 80, protocol: HTTP}]
`;

test("a route's backend Service and parent Gateway defined only in another target are infos naming it", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-targets-'));
  try {
    fs.mkdirSync(path.join(dir, 'mesh'));
    fs.mkdirSync(path.join(dir, 'app'));
    fs.writeFileSync(path.join(dir, 'mesh/routes.yaml'), routes);
    fs.writeFileSync(path.join(dir, 'app/app.yaml'), app);
    fs.writeFileSync(
      path.join(dir, '.istio-review.yaml'),
      'targets:\n  - name: mesh\n    paths: [mesh/**]\n  - name: app\n    paths: [app/**]\n',
    );
    const result = await checkFixture(dir);
    expect(serious(result.findings)).toEqual([]);
    const infos = result.findings.filter((f) => f.rule === 'defined-in-other-target');
    expect(infos.map((f) => [path.relative(dir, f.file), f.line, f.targets])).toEqual([
      ['mesh/routes.yaml', 13, ['mesh']],
      ['mesh/routes.yaml', 16, ['mesh']],
    ]);
    expect(infos.map((f) => f.message)).toEqual([
      expect.stringContaining('defined only in target app (Gateway default/public), not in mesh'),
      expect.stringContaining('defined only in target app (Service default/frontend), not in mesh'),
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

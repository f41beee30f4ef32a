// Standard input split by Helm's `# Source:` comments: findings name the template, lines count within it.
import { splitBySource } from '../../src/manifests/stdin-split.js';

test('without Source comments, standard input is one file named <stdin>, unchanged', () => {
  const text =
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: billing\n';
  expect(splitBySource(text)).toEqual([{ path: '<stdin>', text }]);
});

test('helm template output becomes one file per template, documents of one template together', () => {
  const text = [
    '---',
    '# Source: shop/templates/service.yaml',
    'apiVersion: v1',
    'kind: Service',
    '---',
    '# Source: shop/templates/egress.yaml',
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    '---',
    '# Source: shop/templates/service.yaml',
    'apiVersion: v1',
    'kind: Service',
    '',
  ].join('\n');
  expect(splitBySource(text)).toEqual([
    {
      path: 'shop/templates/service.yaml',
      text: '# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\n---\n# Source: shop/templates/service.yaml\napiVersion: v1\nkind: Service\n',
    },
    {
      path: 'shop/templates/egress.yaml',
      text: '# Source: shop/templates/egress.yaml\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\n',
    },
  ]);
});

test('a `# Source:` inside a document body (a block scalar, a later comment) does not name the file', () => {
  const text =
    '# Source: a/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\ndata:\n  note: |\n    # Source: b/templates/x.yaml\n';
  expect(splitBySource(text).map((f) => f.path)).toEqual(['a/templates/cm.yaml']);
});

test('documents without a Source among Helm output are kept under <stdin>', () => {
  const text = '# Source: a/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Namespace\n';
  expect(splitBySource(text).map((f) => f.path)).toEqual(['a/templates/cm.yaml', '<stdin>']);
});

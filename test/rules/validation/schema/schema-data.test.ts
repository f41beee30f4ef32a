// The generated schema data covers every Istio kind and served version the reader knows, and loads into
// linked nodes the walk can use.
import { ISTIO_GROUPS } from '../../../../src/manifests/kinds.js';
import {
  schemaFor,
  schemaIstioVersion,
  newerThanSchemas,
} from '../../../../src/rules/validation/schema/schema-tree.js';
import { walkSchema } from '../../../../src/rules/validation/schema/walk.js';

describe('generated Istio CRD schemas', () => {
  const served = Object.entries(ISTIO_GROUPS).flatMap(([group, kinds]) =>
    Object.entries(kinds).flatMap(([kind, versions]) => versions.map((v) => [group, kind, v] as const)),
  );

  test.each(served)('%s %s %s has a schema with a spec', (group, kind, version) => {
    const root = schemaFor(group, kind, version);
    expect(root).not.toBeNull();
    expect(root!.props?.has('spec')).toBe(true);
    expect(root!.props?.has('metadata')).toBe(true);
  });

  test('versions of one kind share a schema; unknown kinds and versions have none', () => {
    expect(schemaFor('networking.istio.io', 'DestinationRule', 'v1')!.props!.get('spec')).toBe(
      schemaFor('networking.istio.io', 'DestinationRule', 'v1alpha3')!.props!.get('spec'),
    );
    expect(schemaFor('networking.istio.io', 'EnvoyFilter', 'v1')).toBeNull();
    expect(schemaFor('networking.istio.io', 'ServiceEnrty', 'v1')).toBeNull();
    expect(schemaFor('example.com', 'Widget', 'v1')).toBeNull();
  });

  test('the schemas know their Istio release', () => {
    expect(schemaIstioVersion()).toMatch(/^1\.\d+$/);
    expect(newerThanSchemas('1.99.0')).toBe(true);
    expect(newerThanSchemas('1.20')).toBe(false);
    expect(newerThanSchemas('not a version')).toBe(false);
  });

  test('the walk reads field types from the data: integers, enums, maps, open fields', () => {
    const root = schemaFor('networking.istio.io', 'ServiceEntry', 'v1')!;
    const problems = walkSchema(
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'ServiceEntry',
        metadata: { name: 'x' },
        spec: {
          hosts: ['a.example.com'],
          ports: [{ number: 80.5, name: 'http' }],
          resolution: 'dns',
          endpoints: [{ address: '10.0.0.1', ports: { http: 'eighty' } }],
        },
      },
      root,
    );
    expect(problems.map((p) => `${p.kind} ${p.path.join('.')}`).sort()).toEqual([
      'enum spec.resolution',
      'type spec.endpoints.0.ports.http',
      'type spec.ports.0.number',
    ]);
  });
});

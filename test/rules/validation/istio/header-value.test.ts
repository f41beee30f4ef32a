// Envoy's header-value syntax as Istio validates it: "%%" escapes, %VARIABLE% and %VARIABLE(args)% expressions.
import { headerValueError } from '../../../../src/rules/validation/istio/common.js';

describe('header values', () => {
  test.each([
    'plain',
    '100%%',
    '%HOSTNAME%',
    'prefix %DOWNSTREAM_REMOTE_ADDRESS_WITHOUT_PORT% suffix',
    '%START_TIME(%s.%3f)%',
    '%REQ(x-request-id)%',
    '%PER_REQUEST_STATE(["a.b","c"])%',
    '',
  ])('%j is accepted', (v) => {
    expect(headerValueError(v)).toBeNull();
  });
  test.each([
    ['10%', 'lone "%"'],
    ['abc%123', 'unterminated'],
    ['%START_TIME%%', 'lone "%"'],
    ['%VAR([a])%', 'quoted strings'],
    ['%VAR(["a" x])%', 'expected "," or "]"'],
    ['line\nbreak', 'control characters'],
  ])('%j is rejected', (v, why) => {
    expect(headerValueError(v)).toContain(why);
  });
});

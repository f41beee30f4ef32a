// How messages show values from manifests: a user reading a comment must see what was written, including for a
// field that holds a mapping or a list where a scalar belongs.
import { quote, valueText } from '../../src/util/quote.js';

describe('valueText', () => {
  test.each([
    ['a string as it is', 'http', 'http'],
    ['a number as String writes it', 8080, '8080'],
    ['a boolean', true, 'true'],
    ['null', null, 'null'],
    ['a mapping as JSON, not [object Object]', { number: 80 }, '{"number":80}'],
    ['a list as JSON, brackets included', [80, 443], '[80,443]'],
  ])('%s', (_, value, text) => {
    expect(valueText(value)).toBe(text);
  });
});

describe('quote', () => {
  test('quotes with JSON escapes, so quotes and empty strings stay visible', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('')).toBe('""');
  });
});

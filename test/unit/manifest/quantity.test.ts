// Unit tests of resource quantities: Kubernetes' parse, exact arithmetic, canonical form, and reading YAML values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { get, getIn } from '../../../server/src/manifest/nodes';
import { parseFile } from '../../../server/src/manifest/parse';
import {
  addQuantities,
  ceilToInteger,
  compareQuantities,
  formatQuantity,
  fromUnits,
  integerValue,
  isInteger,
  isMultipleOf,
  MAX_QUANTITY_DIGITS,
  mustParseQuantity,
  parseQuantity,
  quantitiesEqual,
  Quantity,
  roundUpToMultiple,
  signOf,
} from '../../../server/src/manifest/quantity';
import { quantityOfPlain, readQuantity } from '../../../server/src/manifest/quantity-node';

const q = mustParseQuantity;
/** The value in nano units and the format of a parse, or the reason it failed. */
function parsed(text: string): string {
  const r = parseQuantity(text);
  return r.ok ? `${r.quantity.nanos}n ${r.quantity.format}` : `invalid:${r.reason}`;
}

describe('parseQuantity: values as Kubernetes parses them', () => {
  const G = 1_000_000_000n;
  const table: Array<[string, bigint, string]> = [
    ['0', 0n, 'DecimalSI'],
    ['0Ki', 0n, 'BinarySI'],
    ['1', G, 'DecimalSI'],
    ['2', 2n * G, 'DecimalSI'],
    ['2000m', 2n * G, 'DecimalSI'],
    ['2.0', 2n * G, 'DecimalSI'],
    ['1500m', 1_500_000_000n, 'DecimalSI'],
    ['5n', 5n, 'DecimalSI'],
    ['4u', 4000n, 'DecimalSI'],
    ['8k', 8000n * G, 'DecimalSI'],
    ['7M', 7_000_000n * G, 'DecimalSI'],
    ['1E', 10n ** 18n * G, 'DecimalSI'],
    ['1Ki', 1024n * G, 'BinarySI'],
    ['1Gi', 2n ** 30n * G, 'BinarySI'],
    ['1536Mi', 1536n * 2n ** 20n * G, 'BinarySI'],
    ['3Ei', 3n * 2n ** 60n * G, 'BinarySI'],
    ['1e3', 1000n * G, 'DecimalExponent'],
    ['1E6', 10n ** 6n * G, 'DecimalExponent'],
    ['12E-2', 120_000_000n, 'DecimalExponent'],
    ['1.3E+6', 1_300_000n * G, 'DecimalExponent'],
    ['0.5e-9', 1n, 'DecimalExponent'],
    ['100.035k', 100_035n * G, 'DecimalSI'],
    ['0.0005k', 500_000_000n, 'DecimalSI'],
    ['.001', 1_000_000n, 'DecimalSI'],
    ['1.', G, 'DecimalSI'],
    ['1.G', G * G, 'DecimalSI'],
    ['0.5Mi', 524_288n * G, 'BinarySI'],
    ['100.035Ki', 10_243_584n * G / 100n, 'BinarySI'],
    ['-1.5', -1_500_000_000n, 'DecimalSI'],
    ['+2', 2n * G, 'DecimalSI'],
    ['007', 7n * G, 'DecimalSI'],
    // Below a nano, values round away from zero; a fractional binary below 1 becomes decimal.
    ['3.001n', 4n, 'DecimalSI'],
    ['0.9n', 1n, 'DecimalSI'],
    ['0.00000012345', 124n, 'DecimalSI'],
    ['-0.9n', -1n, 'DecimalSI'],
    ['0.000000000001Ki', 2n, 'DecimalSI'],
    // Binary quantities are capped, silently, at 2^63-1.
    ['9Ei', ((1n << 63n) - 1n) * G, 'BinarySI'],
    ['9223372036854775807Ki', ((1n << 63n) - 1n) * G, 'BinarySI'],
    // Decimal ones are not.
    ['18446744073709551616', 18446744073709551616n * G, 'DecimalSI'],
    // Oddities the API server accepts: a sign, a point or a suffix without digits is zero.
    ['-', 0n, 'DecimalSI'],
    ['.', 0n, 'DecimalSI'],
    ['-.', 0n, 'DecimalSI'],
    ['Gi', 0n, 'BinarySI'],
    ['.e3', 0n, 'DecimalExponent'],
  ];
  for (const [text, nanos, format] of table) {
    it(`${text} is ${nanos} nano units, ${format}`, () => assert.equal(parsed(text), `${nanos}n ${format}`));
  }
});

describe('parseQuantity: invalid quantities are reported, never guessed', () => {
  const table: Array<[string, string]> = [
    ['', 'empty'],
    ['1.1.M', 'format'],
    ['1+1.0M', 'format'],
    ['0.1mi', 'suffix'],
    ['0.1am', 'format'],
    ['aoeu', 'format'],
    ['.5i', 'suffix'],
    ['1i', 'suffix'],
    ['-3.01e-', 'suffix'],
    [' 1', 'format'],
    ['1 ', 'format'],
    ['1K', 'suffix'],
    ['1gi', 'format'],
    ['1 Gi', 'format'],
    ['2 CPUs', 'format'],
    ['1e', 'suffix'],
    ['Ei', 'numeric'],
    ['-Pi', 'numeric'],
    ['.e-12', 'numeric'],
    ['1e99999999999999999999', 'suffix'],
    ['1e2000', 'unsupported'],
    ['1e2147483648', 'unsupported'],
    ['1e-2147483648', 'unsupported'],
  ];
  for (const [text, reason] of table) it(`'${text}': ${reason}`, () => assert.equal(parsed(text), `invalid:${reason}`));

  it('carries the API server message', () => {
    const r = parseQuantity('2 CPUs');
    assert.ok(!r.ok);
    assert.equal(r.message, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    const s = parseQuantity('1K');
    assert.ok(!s.ok && s.message === "unable to parse quantity's suffix");
  });
  it('tiny exponents round to one nano, exactly', () => {
    assert.equal(parsed('1e-2000'), '1n DecimalExponent');
    assert.equal(parsed('-1e-2000'), '-1n DecimalExponent');
    assert.equal(parsed('0e-2000'), '0n DecimalExponent');
  });
  it('mustParseQuantity throws on an invalid quantity', () => assert.throws(() => q('1K'), /cannot parse '1K'/));
});

describe('quantity arithmetic is exact', () => {
  it('compares across suffixes', () => {
    assert.equal(compareQuantities(q('100m'), q('50m')), 1);
    assert.equal(compareQuantities(q('50m'), q('100m')), -1);
    assert.equal(compareQuantities(q('10000T'), q('100Gi')), 1);
    assert.equal(compareQuantities(q('1Gi'), q('1024Mi')), 0);
    assert.ok(quantitiesEqual(q('2'), q('2000m')));
    assert.ok(quantitiesEqual(q('2.0'), q('2e0')));
    assert.ok(!quantitiesEqual(q('1G'), q('1Gi')));
    // 0.1 + 0.2 is 0.3 here, unlike in floating point.
    assert.ok(quantitiesEqual(addQuantities(q('0.1'), q('0.2')), q('0.3')));
  });
  it('knows integers and multiples', () => {
    assert.ok(isInteger(q('2000m')));
    assert.ok(!isInteger(q('1500m')));
    assert.ok(isMultipleOf(q('2Gi'), q('1Gi')));
    assert.ok(!isMultipleOf(q('1536Mi'), q('1Gi')));
    assert.ok(isMultipleOf(q('4Mi'), q('2Mi')));
    assert.ok(isMultipleOf(q('0'), q('2Mi')));
    assert.ok(!isMultipleOf(q('2Mi'), q('0')));
    assert.equal(signOf(q('-1')), -1);
    assert.equal(signOf(q('0')), 0);
  });
  it('rounds up', () => {
    assert.equal(formatQuantity(ceilToInteger(q('1500m'))), '2');
    assert.equal(formatQuantity(ceilToInteger(q('2'))), '2');
    assert.equal(formatQuantity(ceilToInteger(q('-1500m'))), '-1');
    assert.equal(formatQuantity(roundUpToMultiple(q('1536Mi'), q('1Gi'))), '2Gi');
    assert.equal(formatQuantity(roundUpToMultiple(q('3Mi'), q('2Mi'))), '4Mi');
    assert.equal(integerValue(q('1500m')), 2n);
    assert.equal(integerValue(q('-1500m')), -2n);
    assert.equal(integerValue(q('0.5')), 1n);
  });
  it('adds as Kubernetes does: a zero takes the other format', () => {
    assert.equal(formatQuantity(addQuantities(q('0'), q('1Gi'))), '1Gi');
    assert.equal(formatQuantity(addQuantities(q('1Gi'), q('512Mi'))), '1536Mi');
    assert.equal(formatQuantity(fromUnits(3)), '3');
  });
});

describe('formatQuantity: the canonical form Kubernetes prints', () => {
  const table: Array<[string, string]> = [
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['300Mi', '300Mi'],
    ['1000M', '1G'],
    ['1.5', '1500m'],
    ['1.08', '1080m'],
    ['0.5', '500m'],
    ['1000E', '1e21'],
    ['1e3', '1e3'],
    ['80e-3', '80e-3'],
    ['.001Ki', '1024m'],
    ['.000000000001Ki', '2n'],
    ['1025', '1025'],
    ['5', '5'],
    ['0Gi', '0'],
    ['-1.5Gi', '-1536Mi'],
    ['2048Ki', '2Mi'],
  ];
  for (const [text, canonical] of table) it(`${text} -> ${canonical}`, () => assert.equal(formatQuantity(q(text)), canonical));
});

describe('quantityOfPlain: unquoted YAML values as kubectl reads them', () => {
  const value = (text: string) => {
    const r = quantityOfPlain(text);
    return r.ok ? formatQuantity(r.quantity) : `invalid:${r.reason}`;
  };
  const table: Array<[string, string]> = [
    ['2', '2'],
    ['2.0', '2'],
    ['1.5', '1500m'],
    // A float: JSON 1000, no longer an exponent.
    ['1e3', '1k'],
    ['.5', '500m'],
    ['2000m', '2'],
    ['1Gi', '1Gi'],
    // go-yaml reads these as numbers in other bases, or with digit separators.
    ['0x10', '16'],
    ['010', '8'],
    ['0b101', '5'],
    ['0o17', '15'],
    ['1_000', '1k'],
    ['08', '8'],
    // A float64 keeps about 16 significant digits.
    ['1.00000000000000001', '1'],
    ['12345678901234567890', '12345678901234567k'],
    ['', '0'],
    ['~', '0'],
    ['null', '0'],
    ['yes', 'invalid:notString'],
    ['off', 'invalid:notString'],
    ['.inf', 'invalid:notFinite'],
    ['-.Inf', 'invalid:notFinite'],
    ['.nan', 'invalid:notFinite'],
    ['1:30', 'invalid:format'],
    ['2 CPUs', 'invalid:format'],
  ];
  for (const [text, expected] of table) it(`${text || '(empty)'} -> ${expected}`, () => assert.equal(value(text), expected));
});

describe('readQuantity: a YAML node with its span and spelling', () => {
  const text = [
    'cpu: "2"',
    'cpuInt: 2',
    'cpuFloat: 2.0',
    "milli: '2000m'",
    'spaced: " 2 "',
    'empty:',
    'block: |',
    '  2',
    'anchored: &mem 1Gi # shared',
    'alias: *mem',
    'bool: true',
    'map: {a: 1}',
    'tagged: !!str 2',
    'tagInt: !!int 2',
    'bad: 2 CPUs',
    '',
  ].join('\r\n');
  const file = parseFile(text);
  const root = file.documents[0].doc.contents;
  const read = (key: string) => {
    const pair = (root as { items: Array<{ key: { value: string }; value: unknown }> }).items.find((p) => p.key.value === key)!;
    const r = readQuantity(file, pair.value)!;
    return { value: r.ok ? formatQuantity(r.quantity) : `invalid:${r.reason}`, spelling: r.spelling, at: text.slice(r.span[0], r.span[1]), aliased: r.aliased };
  };
  it('reads quoted, plain and float spellings as the same two CPUs', () => {
    assert.deepEqual(read('cpu'), { value: '2', spelling: '"2"', at: '"2"', aliased: false });
    assert.deepEqual(read('cpuInt'), { value: '2', spelling: '2', at: '2', aliased: false });
    assert.deepEqual(read('cpuFloat'), { value: '2', spelling: '2.0', at: '2.0', aliased: false });
    assert.deepEqual(read('milli'), { value: '2', spelling: "'2000m'", at: "'2000m'", aliased: false });
  });
  it('trims a string as the API server does, and reads an empty value as zero', () => {
    assert.equal(read('spaced').value, '2');
    assert.equal(read('block').value, '2');
    assert.deepEqual(read('empty'), { value: '0', spelling: '', at: '', aliased: false });
  });
  it('follows an alias: the span is the alias, the spelling the anchored scalar', () => {
    assert.deepEqual(read('anchored'), { value: '1Gi', spelling: '1Gi', at: '1Gi', aliased: false });
    assert.deepEqual(read('alias'), { value: '1Gi', spelling: '1Gi', at: '*mem', aliased: true });
  });
  it('reports what is not a quantity', () => {
    assert.equal(read('bool').value, 'invalid:notString');
    assert.equal(read('map').value, 'invalid:notString');
    assert.equal(read('tagged').value, '2');
    assert.equal(read('tagInt').value, 'invalid:unsupported');
    assert.equal(read('bad').value, 'invalid:format');
  });
  it('is undefined for an absent node', () => {
    assert.equal(readQuantity(file, get(root, 'nothing')), undefined);
    assert.equal(readQuantity(file, getIn(root, ['map', 'b'])), undefined);
  });
});

describe('quantities of any length: bounded work, never a guess', () => {
  it(`more than ${MAX_QUANTITY_DIGITS} digits are not evaluated, however many there are`, () => {
    assert.equal(parsed('1'.repeat(MAX_QUANTITY_DIGITS)).endsWith('DecimalSI'), true);
    assert.equal(parsed('1'.repeat(MAX_QUANTITY_DIGITS + 1)), 'invalid:unsupported');
    assert.equal(parsed(`0.${'1'.repeat(MAX_QUANTITY_DIGITS)}`), 'invalid:unsupported');
    assert.equal(parsed('1'.repeat(1_000_000)), 'invalid:unsupported');
    assert.equal(parsed(`1${'0'.repeat(1_000_000)}Mi`), 'invalid:unsupported');
    const plain = quantityOfPlain('1'.repeat(1_000_000));
    assert.ok(!plain.ok && plain.reason === 'unsupported');
  });
  it('leading zeros do not count: a Go octal integer with 100 of them is still 1', () => {
    assert.equal(formatQuantity((quantityOfPlain(`${'0'.repeat(100)}1`) as { quantity: Quantity }).quantity), '1');
  });
  it('formats the largest values it evaluates by their digits (trailing zeros counted once, not divided away)', () => {
    assert.equal(formatQuantity(q(`1${'0'.repeat(990)}`)), '1e990');
    assert.equal(formatQuantity(q(`-1${'0'.repeat(990)}`)), '-1e990');
    assert.equal(formatQuantity(q(`10${'0'.repeat(8)}1`)), '10000000001');
    assert.equal(formatQuantity(q(`1${'0'.repeat(500)}1${'0'.repeat(489)}`)), `1${'0'.repeat(500)}1e489`);
  });
});

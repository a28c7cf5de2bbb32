// Amounts as people write them: symbols and codes give the currency, a comma is a decimal comma only where it
// cannot be a thousands separator.
import { describe, expect, it } from 'vitest';
import { addMoney, currencyAgrees, moneyPer, parseAmountText } from '../../src/domain/money.js';

describe('parseAmountText', () => {
  it.each([
    ['86.40', 86.4, null], ['250', 250, null], ['1e15', 1e15, null], ['.5', 0.5, null],
    ['€86.40', 86.4, 'EUR'], ['86.40 EUR', 86.4, 'EUR'], ['EUR 86.40', 86.4, 'EUR'], ['86,40 €', 86.4, 'EUR'],
    ['12,50', 12.5, null], ['12,5', 12.5, null], ['0,500', 0.5, null], ['1234,567', 1234.567, null],
    ['1.234,50 €', 1234.5, 'EUR'], ['$1,234.50', 1234.5, 'USD'], ['₹1,800.00', 1800, 'INR'],
    ['1 234,50', 1234.5, null], ['1\u202f234,50 €', 1234.5, 'EUR'], ["1'234.50", 1234.5, null],
    ['1,234,567', 1234567, null], ['1.234.567', 1234567, null], ['US$ 5', 5, 'USD'],
    ['-€5', -5, 'EUR'], ['€-5', -5, 'EUR'], ['CHF 12.50', 12.5, 'CHF'],
  ] as const)('%s → %s %s', (text, value, currency) => {
    expect(parseAmountText(text)).toEqual({ value, currency });
  });

  it.each(['1,234', '€1.234', '£1,234', '₹1,800', '12.500 €'])('%s is ambiguous: a thousands separator or a decimal mark', (text) => {
    expect(parseAmountText(text)).toBe('ambiguous');
  });

  it('in a decimal-comma file (a ; spreadsheet) 1,234 is a decimal and 1.234 is the ambiguous one', () => {
    expect(parseAmountText('1,234', true)).toEqual({ value: 1.234, currency: null });
    expect(parseAmountText('1.234', true)).toBe('ambiguous');
    expect(parseAmountText('12.50', true)).toEqual({ value: 12.5, currency: null });
  });

  it.each(['lots', '', '€', '0x10', '1e309', '12.5.3', '1,2,3', '12,34,56', '€5 $', '1 23,50', '99999999999999999999'])('%j is not an amount', (text) => {
    expect(parseAmountText(text)).toBe('invalid');
  });

  it('a symbol agrees with the currencies it stands for: $ with CAD, € only with EUR', () => {
    expect(currencyAgrees('USD', 'CAD')).toBe(true);
    expect(currencyAgrees('EUR', 'EUR')).toBe(true);
    expect(currencyAgrees('EUR', 'USD')).toBe(false);
  });
});

describe('addMoney and moneyPer', () => {
  it('add without binary crumbs and share out to 6 decimals, as CSV shows', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addMoney(0.1, 0.2)).toBe(0.3);
    expect([19.99, 0.01, 80].reduce(addMoney, 0)).toBe(100);
    expect(moneyPer(100, 3)).toBe(33.333333);
    expect(moneyPer(500, 3)).toBe(166.666667);
    expect(moneyPer(0, 7)).toBe(0);
  });
});

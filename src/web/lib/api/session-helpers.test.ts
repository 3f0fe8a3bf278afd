import { describe, expect, test } from 'vitest';
import * as contract from '../../../core/contracts/accounts.ts';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  readCookie,
  retryAfterSeconds,
  safeNext,
  signInHref,
} from './session-helpers.ts';

describe('readCookie', () => {
  test.each([
    ['healthbsc_csrf=abc', 'abc'],
    ['a=1; healthbsc_csrf=abc; b=2', 'abc'],
    ['healthbsc_csrf_old=no; healthbsc_csrf=a%2Fb', 'a/b'],
    ['a=1', null],
    ['', null],
  ])('reads the CSRF cookie from %j as %j', (cookies, expected) => {
    expect(readCookie(cookies, 'healthbsc_csrf')).toBe(expected);
  });
});

describe('signInHref', () => {
  test.each([
    [
      '/overview',
      '?scorecard=AZ-HOSPITAL&period=2016',
      '/sign-in?next=%2Foverview%3Fscorecard%3DAZ-HOSPITAL%26period%3D2016',
    ],
    ['/comparison', '', '/sign-in?next=%2Fcomparison'],
    ['/', '', '/sign-in'],
    ['/sign-in', '?next=%2Foverview', '/sign-in'],
  ])('sends %s%s to %s', (pathname, search, expected) => {
    expect(signInHref(pathname, search)).toBe(expected);
  });

  test('round-trips the page and its query string through URLSearchParams', () => {
    const href = signInHref('/overview', '?scorecard=UMG-BSC&orgUnit=UMG&period=2024');
    const next = new URLSearchParams(href.slice(href.indexOf('?'))).get('next');
    expect(safeNext(next)).toBe('/overview?scorecard=UMG-BSC&orgUnit=UMG&period=2024');
  });
});

describe('safeNext', () => {
  test.each([
    ['/scorecard?period=2016', '/scorecard?period=2016'],
    [null, '/'],
    ['', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/sign-in?next=%2F', '/'],
  ])('goes back to %j as %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('retryAfterSeconds', () => {
  test.each([
    [{ status: 429, retryAfter: 840 }, 840],
    [{ status: 429, retryAfter: 12.2 }, 13],
    [{ status: 401 }, null],
  ])('reads %j as %j seconds', (problem, expected) => {
    expect(retryAfterSeconds(problem)).toBe(expected);
  });
});

test('names the CSRF cookie and header as the server contract does', () => {
  expect([CSRF_COOKIE, CSRF_HEADER]).toEqual([contract.CSRF_COOKIE, contract.CSRF_HEADER]);
});

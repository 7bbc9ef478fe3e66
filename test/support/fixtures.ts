import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** The text of a fixture file, by its path under test/fixtures. */
export function fixtureText(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

/** A Config event fixture from test/fixtures/events, as a fresh object. */
export function eventFixture(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(`events/${name}.json`)) as Record<string, unknown>;
}

/** A credential report fixture (CSV) from test/fixtures/reports. */
export function reportCsv(name: string): string {
  return fixtureText(`reports/${name}.csv`);
}

/** A credential report fixture as `GetCredentialReport` returns it: bytes. */
export function reportBytes(name: string): Uint8Array {
  return new TextEncoder().encode(reportCsv(name));
}

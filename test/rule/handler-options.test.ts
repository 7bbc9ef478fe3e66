import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_TRIGGERS_VARIABLE,
  AcceptedTriggers,
  SECURITY_HUB_FINDINGS_VARIABLE,
} from '../../definition/config.js';
import { InvalidSettingError } from '../../definition/errors.js';
import { InvalidEventError } from '../../rule/src/core/errors.js';
import { parseConfigRuleEvent } from '../../rule/src/core/event.js';
import {
  assertAcceptedTrigger,
  invocationDeadlines,
  optionsFromEnvironment,
} from '../../rule/src/handler-options.js';
import { eventFixture } from '../support/fixtures.js';

const event = (name: string) => parseConfigRuleEvent(eventFixture(name));

describe('optionsFromEnvironment', () => {
  it('sets nothing when the variable is unset or empty', () => {
    expect(optionsFromEnvironment({})).toEqual({});
    expect(optionsFromEnvironment({ [ACCEPTED_TRIGGERS_VARIABLE]: '' })).toEqual({});
  });

  it.each(Object.values(AcceptedTriggers))('reads %s', (value) => {
    expect(optionsFromEnvironment({ [ACCEPTED_TRIGGERS_VARIABLE]: value })).toEqual({
      acceptedTriggers: value,
    });
  });

  it('fails on any other value rather than accept every trigger', () => {
    expect(() => optionsFromEnvironment({ [ACCEPTED_TRIGGERS_VARIABLE]: 'Periodic' })).toThrow(
      InvalidSettingError,
    );
    expect(() => optionsFromEnvironment({ [ACCEPTED_TRIGGERS_VARIABLE]: 'none' })).toThrow(
      `Invalid environment variable ${ACCEPTED_TRIGGERS_VARIABLE}: received "none"; allowed: all, periodic`,
    );
  });
});

describe('optionsFromEnvironment: Security Hub findings', () => {
  it('turns them on with true, and leaves them off when unset, empty or false', () => {
    expect(optionsFromEnvironment({ [SECURITY_HUB_FINDINGS_VARIABLE]: 'true' })).toEqual({
      securityHubFindings: true,
    });
    for (const value of [undefined, '', 'false']) {
      expect(optionsFromEnvironment({ [SECURITY_HUB_FINDINGS_VARIABLE]: value })).toEqual({});
    }
  });

  it('reads both variables together', () => {
    expect(
      optionsFromEnvironment({
        [SECURITY_HUB_FINDINGS_VARIABLE]: 'true',
        [ACCEPTED_TRIGGERS_VARIABLE]: AcceptedTriggers.Periodic,
      }),
    ).toEqual({ securityHubFindings: true, acceptedTriggers: 'periodic' });
  });

  it('fails on any other value, naming the variable', () => {
    expect(() => optionsFromEnvironment({ [SECURITY_HUB_FINDINGS_VARIABLE]: 'yes' })).toThrow(
      `Invalid environment variable ${SECURITY_HUB_FINDINGS_VARIABLE}: received "yes"; allowed: true, false`,
    );
  });
});

describe('assertAcceptedTrigger', () => {
  it('accepts every trigger with All', () => {
    for (const name of ['scheduled-notification', 'configuration-item-change']) {
      expect(() => assertAcceptedTrigger(event(name), AcceptedTriggers.All)).not.toThrow();
    }
  });

  it('accepts a periodic trigger with Periodic', () => {
    expect(() =>
      assertAcceptedTrigger(event('scheduled-notification'), AcceptedTriggers.Periodic),
    ).not.toThrow();
  });

  it.each([
    ['configuration-item-change', 'ConfigurationItemChangeNotification'],
    ['oversized-configuration-item-change', 'OversizedConfigurationItemChangeNotification'],
  ])('refuses %s with Periodic, naming what it received', (name, messageType) => {
    expect(() => assertAcceptedTrigger(event(name), AcceptedTriggers.Periodic)).toThrow(
      InvalidEventError,
    );
    expect(() => assertAcceptedTrigger(event(name), AcceptedTriggers.Periodic)).toThrow(
      `This function evaluates periodic triggers only (${ACCEPTED_TRIGGERS_VARIABLE}=periodic): received messageType ${messageType}; expected ScheduledNotification`,
    );
  });
});

describe('invocationDeadlines', () => {
  it('keeps the exit margin for calls and the safety margin for polling, 500 ms and 5 s by default', () => {
    const deadlines = invocationDeadlines(() => 60_000, {});

    expect(deadlines.call()).toBe(59_500);
    expect(deadlines.polling()).toBe(55_000);
  });

  it('follows the time left and the given margins', () => {
    let left = 10_000;
    const deadlines = invocationDeadlines(() => left, { exitMarginMs: 100, safetyMarginMs: 2_000 });
    left = 4_000;

    expect(deadlines.call()).toBe(3_900);
    expect(deadlines.polling()).toBe(2_000);
  });
});

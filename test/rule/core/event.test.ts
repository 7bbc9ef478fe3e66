import { describe, expect, it } from 'vitest';
import { InvalidEventError, InvalidParameterError } from '../../../rule/src/core/errors.js';
import { parseConfigRuleEvent } from '../../../rule/src/core/event.js';
import { eventFixture } from '../../support/fixtures.js';

const fixture = eventFixture;

describe('parseConfigRuleEvent', () => {
  it("reads AWS's example periodic event", () => {
    const parsed = parseConfigRuleEvent(fixture('scheduled-notification'));
    expect(parsed).toEqual({
      accountId: '012345678912',
      messageType: 'ScheduledNotification',
      orderingTimestamp: new Date('2016-07-13T21:50:00.373Z'),
      resultToken: 'myResultToken',
      eventLeftScope: false,
      partition: 'aws',
      configRuleName: 'periodic-config-rule',
      parameters: { ignoreInactiveKeys: false, rootWithoutCredentials: 'COMPLIANT' },
      unknownParameterNames: ['<myParameterKey>'],
    });
  });

  it('orders a configuration change by the item capture time', () => {
    const parsed = parseConfigRuleEvent(fixture('configuration-item-change'));
    expect(parsed.messageType).toBe('ConfigurationItemChangeNotification');
    expect(parsed.orderingTimestamp).toEqual(new Date('2016-02-17T01:36:34.043Z'));
    expect(parsed.accountId).toBe('123456789012');
  });

  it('orders an oversized change by the summary capture time', () => {
    const parsed = parseConfigRuleEvent(fixture('oversized-configuration-item-change'));
    expect(parsed.messageType).toBe('OversizedConfigurationItemChangeNotification');
    expect(parsed.orderingTimestamp).toEqual(new Date('2016-10-06T16:46:16.261Z'));
  });

  it('takes the partition from a GovCloud rule ARN and accepts record version 1.2', () => {
    const parsed = parseConfigRuleEvent(fixture('scheduled-notification-govcloud'));
    expect(parsed.partition).toBe('aws-us-gov');
    expect(parsed.parameters.executionRoleName).toBe('RootAccessKeyRuleMember');
  });

  it('rejects an unsupported message type, naming the ones it takes', () => {
    expect(() =>
      parseConfigRuleEvent(fixture('configuration-snapshot-delivery-completed')),
    ).toThrow(
      'invokingEvent.messageType is not supported: received the string "ConfigurationSnapshotDeliveryCompleted"; expected one of ScheduledNotification, ConfigurationItemChangeNotification, OversizedConfigurationItemChangeNotification',
    );
  });

  it('takes the partition from executionRoleArn when configRuleArn is absent', () => {
    const { configRuleArn: _omitted, ...event } = fixture('scheduled-notification-govcloud');
    expect(parseConfigRuleEvent(event).partition).toBe('aws-us-gov');
  });

  it('has no partition when the event names no ARN', () => {
    const {
      configRuleArn: _rule,
      executionRoleArn: _role,
      ...event
    } = fixture('scheduled-notification');
    expect(parseConfigRuleEvent(event).partition).toBeUndefined();
  });

  it('reads eventLeftScope', () => {
    const parsed = parseConfigRuleEvent({
      ...fixture('scheduled-notification'),
      eventLeftScope: true,
    });
    expect(parsed.eventLeftScope).toBe(true);
  });

  it.each([
    [null, /The event is invalid: received null; expected an object/],
    ['text', /The event is invalid/],
    [
      { accountId: '12345' },
      /accountId is invalid: received the string "12345"; expected a 12-digit account id/,
    ],
  ])('rejects the event %j', (event, message) => {
    expect(() => parseConfigRuleEvent(event)).toThrow(message);
  });

  it.each([
    ['resultToken', undefined, /resultToken is missing/],
    ['resultToken', '', /resultToken is missing/],
    ['invokingEvent', '{not json', /invokingEvent is not valid JSON/],
    ['invokingEvent', 42, /invokingEvent is invalid: received number 42; expected a JSON string/],
    ['invokingEvent', '[]', /invokingEvent is invalid: received an array; expected an object/],
    [
      'eventLeftScope',
      'false',
      /eventLeftScope is invalid: received the string "false"; expected true or false/,
    ],
    ['configRuleArn', 'not-an-arn', /configRuleArn is not an ARN/],
    ['configRuleName', 7, /configRuleName is invalid/],
  ])('rejects a bad %s (%j)', (field, value, message) => {
    const event = { ...fixture('scheduled-notification'), [field]: value };
    expect(() => parseConfigRuleEvent(event)).toThrow(InvalidEventError);
    expect(() => parseConfigRuleEvent(event)).toThrow(message);
  });

  it('rejects a periodic event without a valid notification time', () => {
    const event = {
      ...fixture('scheduled-notification'),
      invokingEvent: JSON.stringify({
        messageType: 'ScheduledNotification',
        notificationCreationTime: 'yesterday',
      }),
    };
    expect(() => parseConfigRuleEvent(event)).toThrow(
      /notificationCreationTime is invalid: received the string "yesterday"/,
    );
  });

  it('rejects a change event without its configuration item', () => {
    const event = {
      ...fixture('scheduled-notification'),
      invokingEvent: JSON.stringify({ messageType: 'ConfigurationItemChangeNotification' }),
    };
    expect(() => parseConfigRuleEvent(event)).toThrow(/invokingEvent.configurationItem is invalid/);
  });

  it('fails on an invalid rule parameter', () => {
    const event = {
      ...fixture('scheduled-notification'),
      ruleParameters: '{"IgnoreInactiveKeys":"maybe"}',
    };
    expect(() => parseConfigRuleEvent(event)).toThrow(InvalidParameterError);
  });
});

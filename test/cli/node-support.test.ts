import { describe, expect, it } from 'vitest';
import { announceNodeSupport, SDK_WARNING_SWITCH } from '../../cli/src/node-support.js';
import { captureIo } from './capture-io.js';

describe('announceNodeSupport', () => {
  it('writes one line on a Node.js older than 22 and turns the SDK warning off', () => {
    const { stderr } = captureIo();
    const env: NodeJS.ProcessEnv = {};
    announceNodeSupport(stderr, env, 'v20.20.2');
    expect(stderr.text().split('\n')).toEqual([
      'note: Node.js v20.20.2: AWS SDK releases from January 2027 need Node.js 22 or newer; results are not affected, but upgrade Node.js to keep getting SDK fixes',
      '',
    ]);
    expect(env[SDK_WARNING_SWITCH]).toBe('true');
  });

  it('writes nothing on Node.js 22 or newer', () => {
    const { stderr } = captureIo();
    announceNodeSupport(stderr, {}, 'v22.11.0');
    announceNodeSupport(stderr, {}, 'v24.1.0');
    expect(stderr.text()).toBe('');
  });

  it('writes nothing when the user turned the SDK warning off', () => {
    const { stderr } = captureIo();
    announceNodeSupport(stderr, { [SDK_WARNING_SWITCH]: 'true' }, 'v20.20.2');
    expect(stderr.text()).toBe('');
  });
});

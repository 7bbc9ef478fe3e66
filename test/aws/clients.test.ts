import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConfigClient, createIamClient, createStsClient } from '../../aws/clients.js';

const factories = {
  IAM: async () => createIamClient(),
  Config: async () => createConfigClient(),
  STS: () => createStsClient(),
};

describe.each(Object.entries(factories))('the %s client', (_name, create) => {
  beforeEach(() => {
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDFROMENVIRONMENT1');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret-from-environment');
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('retries in standard mode with 5 attempts', async () => {
    const client = await create();

    expect(await client.config.maxAttempts()).toBe(5);
    expect(((await client.config.retryStrategy()) as { mode?: string }).mode).toBe('standard');
  });

  it('bounds each attempt: 3 s to connect, 10 s for an answer or a silence in its body', async () => {
    const client = await create();

    const handler = client.config.requestHandler as unknown as {
      configProvider: Promise<Record<string, unknown>>;
    };
    expect(await handler.configProvider).toMatchObject({
      connectionTimeout: 3000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true,
      socketTimeout: 10_000,
    });
  });

  it('leaves the endpoint, Region and credentials to the default resolution', async () => {
    const client = await create();

    expect(client.config.endpoint).toBeUndefined();
    expect(await client.config.region()).toBe('eu-west-1');
    expect((await client.config.credentials()).accessKeyId).toBe('AKIDFROMENVIRONMENT1');
  });
});

describe('client options', () => {
  it('passes given credentials and Region through', async () => {
    const client = createIamClient({
      region: 'us-gov-west-1',
      credentials: { accessKeyId: 'ASIAGIVEN', secretAccessKey: 'given' },
      maxAttempts: 2,
    });

    expect(await client.config.region()).toBe('us-gov-west-1');
    expect((await client.config.credentials()).accessKeyId).toBe('ASIAGIVEN');
    expect(await client.config.maxAttempts()).toBe(2);
  });

  it('takes other per-attempt timeouts', async () => {
    const client = createConfigClient({ connectionTimeoutMs: 100, requestTimeoutMs: 200 });

    const handler = client.config.requestHandler as unknown as {
      configProvider: Promise<Record<string, unknown>>;
    };
    expect(await handler.configProvider).toMatchObject({
      connectionTimeout: 100,
      requestTimeout: 200,
      socketTimeout: 200,
    });
  });
});

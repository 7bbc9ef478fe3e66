import type { ConfigServiceClient } from '@aws-sdk/client-config-service';

/** AWS's clock, as the `Date` header of the latest answer shows it. */
export type ServerClock = () => Date | undefined;

interface DatedResponse {
  readonly response?: { readonly headers?: Readonly<Record<string, string | undefined>> };
}

/**
 * Watches the `Date` header of every answer `client` receives and returns
 * AWS's clock: the latest header's time plus the local time elapsed since
 * (undefined until an answer carried one). The header has one-second
 * resolution, which is enough to judge the age of results in hours.
 */
export function watchServerClock(client: ConfigServiceClient): ServerClock {
  let latest: { readonly server: number; readonly local: number } | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const header = (result as DatedResponse).response?.headers?.date;
      const server = header === undefined ? Number.NaN : Date.parse(header);
      if (!Number.isNaN(server)) latest = { server, local: Date.now() };
      return result;
    },
    { step: 'deserialize', name: 'rootAccessKeyRuleServerClock' },
  );
  return () => (latest ? new Date(latest.server + (Date.now() - latest.local)) : undefined);
}

import {
  BASE_ACCESS_KEY_ID,
  BASE_SECRET_ACCESS_KEY,
  type CallAnswerer,
  createWorld,
  type EndpointResponse,
  iamResponses,
  queryResult,
  type RecordedCall,
  stsResponses,
} from '../tools/aws-endpoint/index.js';
import { answerConfig } from '../tools/aws-endpoint/world/world-config.js';
import { type Case, Mode, ReportState } from './cases.js';
import { CENTRAL_ACCOUNT, MEMBER_ROLE } from './events.js';
import type { Random } from './random.js';
import { reportCsv } from './report-csv.js';

/** What the world handed out and saw during one case. */
export interface CaseRecord {
  /** A readable report (200, unfaulted) was answered to `GetCredentialReport`. */
  reportServed: boolean;
  /** Calls signed as another account than the one evaluated, or AssumeRole of a wrong role. */
  readonly anomalies: string[];
}

/**
 * The AWS of one soak worker: one evaluated account per case, answered in
 * the real wire shapes, with the credentials it issues kept across cases (a
 * warm function keeps assumed credentials). It records what a verdict may
 * rest on (a readable report served) and every secret it hands out.
 */
export class SoakWorld implements CallAnswerer {
  /** Secrets and session tokens handed out, which no log may contain. */
  readonly secrets: string[] = [BASE_SECRET_ACCESS_KEY];
  private readonly sessions = new Map<string, string>();
  private readonly validator = createWorld();
  private current: Case | undefined;
  private report = { phase: 'ready', remaining: 0 };
  private issued = 0;
  record: CaseRecord = { reportServed: false, anomalies: [] };

  constructor(private readonly random: Random) {}

  /** Starts a case: its account, its report's progress, a fresh record. */
  begin(next: Case): void {
    this.current = next;
    const { report, polls } = next.facts;
    const phase =
      report === ReportState.Absent || report === ReportState.Expired
        ? 'absent'
        : report === ReportState.InProgress
          ? 'generating'
          : 'ready';
    this.report = { phase, remaining: polls };
    this.record = { reportServed: false, anomalies: [] };
  }

  /** Nothing: the endpoint's reset must not forget sessions a warm function still holds. */
  reset(): void {}

  /** The proper answer to a call; `record: false` for an answer a fault is about to spoil. */
  answer(call: RecordedCall, options: { record?: boolean } = {}): EndpointResponse | undefined {
    const current = this.current;
    if (current === undefined) return undefined;
    const signer = this.signerOf(call.accessKeyId, current);
    if (signer === undefined) {
      return iamResponses.accessDenied(`${call.service}:${call.action}`, 'unknown');
    }
    if (call.service === 'sts') return this.assumeRole(call, current, signer);
    if (signer !== current.facts.accountId) {
      this.record.anomalies.push(
        `${call.service}:${call.action} for account ${current.facts.accountId} was signed as ${signer}`,
      );
      return iamResponses.accessDenied(`${call.service}:${call.action}`, signer);
    }
    if (call.service === 'config') {
      // Only PutEvaluations reaches here; its answer does not depend on who signs it.
      const identity = {
        accountId: signer,
        arn: `arn:aws:iam::${signer}:root`,
        partition: current.partition,
        isCaller: false,
      };
      return answerConfig(this.validator, call, identity);
    }
    return this.answerIam(call, current, options.record ?? true);
  }

  private signerOf(accessKeyId: string, current: Case): string | undefined {
    if (accessKeyId === BASE_ACCESS_KEY_ID) {
      return current.mode === Mode.Own ? current.facts.accountId : CENTRAL_ACCOUNT;
    }
    return this.sessions.get(accessKeyId);
  }

  private assumeRole(call: RecordedCall, current: Case, signer: string): EndpointResponse {
    const roleArn = String(call.params.RoleArn ?? '');
    const expected = `arn:${current.partition}:iam::${current.facts.accountId}:role/${MEMBER_ROLE}`;
    if (call.action !== 'AssumeRole' || signer !== CENTRAL_ACCOUNT || roleArn !== expected) {
      this.record.anomalies.push(
        `sts:${call.action} of ${roleArn} signed as ${signer} while ${expected} was expected`,
      );
      return stsResponses.accessDenied(roleArn);
    }
    this.issued++;
    const accessKeyId = `ASIA${current.facts.accountId}${this.issued.toString(36).toUpperCase().padStart(4, '0')}`;
    const secretAccessKey = `soak-secret-${this.random.hex(32)}`;
    const sessionToken = `soak-session-token-${this.random.hex(48)}`;
    this.sessions.set(accessKeyId, current.facts.accountId);
    this.secrets.push(secretAccessKey, sessionToken);
    return stsResponses.assumeRole({
      roleArn,
      sessionName: String(call.params.RoleSessionName ?? ''),
      accessKeyId,
      secretAccessKey,
      sessionToken,
    });
  }

  private answerIam(call: RecordedCall, current: Case, record: boolean): EndpointResponse {
    const { facts } = current;
    switch (call.action) {
      case 'GetAccountSummary':
        return iamResponses.getAccountSummary({
          accessKeysPresent: facts.keyCount,
          passwordPresent: facts.password,
        });
      case 'GenerateCredentialReport':
        return this.generate(facts.report);
      case 'GetCredentialReport':
        return this.getReport(current, record);
      default:
        return iamResponses.accessDenied(`iam:${call.action}`);
    }
  }

  private generate(state: ReportState): EndpointResponse {
    if (state === ReportState.LimitExceeded) return iamResponses.limitExceeded();
    if (state === ReportState.NoState) return queryResult('iam', 'GenerateCredentialReport', '');
    if (this.report.phase === 'absent') {
      this.report.phase = 'generating';
      return iamResponses.generateCredentialReport('STARTED');
    }
    if (this.report.phase === 'generating') {
      return this.advance()
        ? iamResponses.generateCredentialReport('COMPLETE')
        : iamResponses.generateCredentialReport('INPROGRESS');
    }
    return iamResponses.generateCredentialReport('COMPLETE');
  }

  private getReport(current: Case, record: boolean): EndpointResponse {
    const state = current.facts.report;
    if (this.report.phase === 'absent') {
      return state === ReportState.Expired
        ? iamResponses.reportExpired()
        : iamResponses.reportNotPresent();
    }
    if (this.report.phase === 'generating' && !this.advance())
      return iamResponses.reportInProgress();
    if (state === ReportState.LimitExceeded || state === ReportState.NoState) {
      // A report that must be generated first, and cannot be.
      return iamResponses.reportNotPresent();
    }
    if (record) this.record.reportServed = true;
    return iamResponses.getCredentialReport(reportCsv(current));
  }

  /** Counts one poll of a report being generated; true once it is ready. */
  private advance(): boolean {
    if (this.report.remaining <= 0) {
      this.report.phase = 'ready';
      return true;
    }
    this.report.remaining--;
    return false;
  }
}

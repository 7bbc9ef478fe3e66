import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../cli/src/evidence-types.js';
import {
  categoryCounts,
  categoryOf,
  type HtmlDocument,
} from '../../../cli/src/output/html/html-document.js';
import { NO_OU, pageModel } from '../../../cli/src/output/html/html-model.js';
import { PAGE_SCRIPT } from '../../../cli/src/output/html/html-script.js';
import { contentSecurityPolicy, renderHtml } from '../../../cli/src/output/html/render-html.js';
import { rawControls } from '../../support/raw-controls.js';

const evidence: Evidence = {
  generatedAt: '2026-12-01T10:00:00.000Z',
  callerArn: 'arn:aws:iam::111111111111:user/auditor',
  callerAccountId: '111111111111',
  organizationId: 'o-exampleorg1',
  toolName: 'root-access-key-rule',
  toolVersion: '0.1.0',
  rootAccess: { readable: false, reason: 'not read', text: 'not readable: not read' },
};

function document(rows: HtmlDocument['rows']): HtmlDocument {
  return {
    title: 'Root access key report',
    subject: 'test',
    evidence,
    rows,
    cards: categoryCounts(rows.map((row) => row.compliance)),
    summary: `${rows.length} rows`,
  };
}

describe('the HTML page model', () => {
  it('reads an unknown result as an error, never as compliant', () => {
    expect(categoryOf('COMPLIANT')).toBe('compliant');
    expect(categoryOf('NO_RESULT')).toBe('no-result');
    // Each state its own category, so a card never names a row's badge differently.
    expect(categoryOf('INSUFFICIENT_DATA')).toBe('insufficient-data');
    expect(categoryOf('STALE')).toBe('stale');
    expect(categoryOf('CONFLICT')).toBe('conflict');
    expect(categoryOf('IGNORED')).toBe('ignored');
    expect(categoryOf('SOMETHING_NEW')).toBe('error');
  });

  it('puts the worst OUs first, and in each OU the worst rows first', () => {
    const model = pageModel(
      document([
        { accountId: '1', organizationalUnit: 'Root/A', compliance: 'COMPLIANT' },
        { accountId: '2', organizationalUnit: 'Root/B', compliance: 'COMPLIANT' },
        { accountId: '3', organizationalUnit: 'Root/B', compliance: 'NO_RESULT' },
        { accountId: '4', compliance: 'COMPLIANT' },
        { accountId: '5', organizationalUnit: 'Root/C', compliance: 'NON_COMPLIANT' },
      ]),
    );

    expect(model.groups.map((group) => [group.ou, group.rows.map((row) => row.accountId)])).toEqual(
      [
        ['Root/C', ['5']],
        ['Root/B', ['3', '2']],
        [NO_OU, ['4']],
        ['Root/A', ['1']],
      ],
    );
    expect(model.bars[1]).toEqual({
      ou: 'Root/B',
      total: 2,
      segments: [
        { category: 'no-result', count: 1, x: 0, width: 50 },
        { category: 'compliant', count: 1, x: 50, width: 50 },
      ],
    });
    expect(model.columns).toEqual({
      region: false,
      deployedAs: false,
      keys: false,
      recorded: false,
    });
  });

  it('forbids every fetch and allows only its own script and stylesheet, by hash', () => {
    const hash = createHash('sha256').update(PAGE_SCRIPT).digest('base64');
    const html = renderHtml(document([{ accountId: '1', compliance: 'COMPLIANT' }]));

    expect(contentSecurityPolicy()).toMatch(
      /^default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/,
    );
    expect(contentSecurityPolicy()).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain(`<script>${PAGE_SCRIPT}</script>`);
  });

  it('escapes every value in text and in attributes', () => {
    const html = renderHtml(
      document([
        {
          accountId: '1',
          accountName: '<b>"name"</b>',
          organizationalUnit: 'Root/"><script>x</script>',
          compliance: 'NON_COMPLIANT',
          annotation: "it's <i>",
        },
      ]),
    );

    expect(html).toContain('<td class="name">&lt;b&gt;&quot;name&quot;&lt;/b&gt;</td>');
    expect(html).toContain('data-ou="Root/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('it&#39;s &lt;i&gt;');
    expect(html).not.toContain('<script>x');
  });

  it('shows control and bidirectional characters as visible escapes, in text and attributes', () => {
    const html = renderHtml(
      document([
        {
          accountId: '1',
          accountName: 'pay\u202egnp.exe',
          organizationalUnit: 'Root/\u001b]0;owned\u0007',
          compliance: 'NON_COMPLIANT',
          annotation: '\u009b31mCOMPLIANT',
        },
      ]),
    );

    expect(html).toContain(String.raw`<td class="name">pay\u202egnp.exe</td>`);
    expect(html).toContain(String.raw`data-ou="Root/\x1b]0;owned\x07"`);
    expect(html).toContain(String.raw`\x9b31mCOMPLIANT`);
    expect(rawControls(html)).toEqual([]);
  });

  it('keeps the line break between the summary lines, and shows only the given cards', () => {
    const html = renderHtml({
      ...document([{ accountId: '1', compliance: 'STALE' }]),
      summary: 'line one\nline two',
      cards: { compliant: 0, stale: 1 },
    });

    expect(html).toContain('<p class="summary-line">line one\nline two</p>');
    expect(html).toContain('data-card="stale"><span class="count">1</span>Stale</li>');
    expect(html).not.toContain('data-card="no-result"');
    expect(html).not.toContain('id="not-applicable"');
    expect(renderHtml({ ...document([]), fromAggregator: true })).toContain('id="not-applicable"');
  });

  it('lists each root access key of a row under its detail, escaped', () => {
    const html = renderHtml(
      document([
        {
          accountId: '1',
          compliance: 'NON_COMPLIANT',
          keys: 2,
          keyDetails: [
            'key AKIA1 active, last used 2026-11-20 (s3, us-east-1)',
            'key <b>2</b> inactive',
          ],
        },
      ]),
    );

    expect(html).toContain(
      '<ul class="keys" aria-label="Root access keys"><li>key AKIA1 active, last used 2026-11-20 (s3, us-east-1)</li><li>key &lt;b&gt;2&lt;/b&gt; inactive</li></ul>',
    );
  });

  it('shows no key list for a row without key details', () => {
    const html = renderHtml(document([{ accountId: '1', compliance: 'COMPLIANT', keys: 0 }]));

    expect(html).not.toContain('<ul class="keys"');
  });
});

/**
 * The page's one stylesheet: system fonts only (no web font, nothing to
 * fetch), colours that carry meaning always paired with a word, and a print
 * stylesheet that shows every row and repeats the table header on each page.
 */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
  --non-compliant: #b42318; --conflict: #8f1d5c; --stale: #0e7490; --no-result: #9a6700;
  --insufficient-data: #7d6608; --error: #7a2e9a; --excluded: #57606a; --ignored: #6e7781;
  --not-applicable: #1f6feb; --compliant: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main { max-width: 1280px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 28px 0 10px; }
.subject { margin: 0 0 16px; color: var(--muted); }
dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; padding: 12px 16px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
dl.evidence dt { font-weight: 600; }
dl.evidence dd { margin: 0; overflow-wrap: anywhere; }
ul.cards { list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; padding: 0; margin: 20px 0 0; }
ul.cards li { border: 1px solid var(--line); border-left: 6px solid var(--cat); border-radius: 6px; padding: 10px 14px; }
ul.cards .count { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.1; }
.summary-line { font-weight: 600; margin: 14px 0 0; white-space: pre-line; }
.cat-non-compliant { --cat: var(--non-compliant); } .cat-no-result { --cat: var(--no-result); }
.cat-error { --cat: var(--error); } .cat-excluded { --cat: var(--excluded); }
.cat-not-applicable { --cat: var(--not-applicable); } .cat-compliant { --cat: var(--compliant); }
.cat-conflict { --cat: var(--conflict); } .cat-stale { --cat: var(--stale); }
.cat-insufficient-data { --cat: var(--insufficient-data); } .cat-ignored { --cat: var(--ignored); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.8rem; font-weight: 600; color: #fff; background: var(--cat); white-space: nowrap; }
svg.chart { width: 100%; height: auto; max-width: 1000px; }
svg.chart text.counts { font-size: 12px; }
svg.chart text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: var(--ink); }
svg.chart rect.seg { fill: var(--cat); }
svg.chart rect.track { fill: var(--panel); stroke: var(--line); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; padding: 0; list-style: none; margin: 6px 0; font-size: 0.9rem; }
.legend li::before { content: ""; display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; background: var(--cat); border-radius: 2px; }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
.panel { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 12px; }
.panel h2 { margin-top: 12px; }
.note { color: var(--muted); font-size: 0.92rem; }
form#filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin: 8px 0 12px; padding: 10px 12px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
form#filters label { display: flex; flex-direction: column; font-size: 0.85rem; font-weight: 600; gap: 2px; }
form#filters select, form#filters input { font: inherit; padding: 4px 6px; min-width: 180px; }
form#filters input[type="search"] { min-width: 17em; }
#shown { margin: 0 0 0 auto; font-size: 0.9rem; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
/* Each OU is its own fixed-layout table; with many rows, laid out only when near the screen. */
.ou-group { margin-bottom: 18px; }
#accounts.many .ou-group { content-visibility: auto; contain-intrinsic-size: auto 500px; }
.ou-group table { table-layout: fixed; }
.ou-group caption { background: var(--panel); padding: 6px 8px; border-top: 2px solid var(--line); font-size: 0.95rem; }
col.c-account { width: 9.5em; } col.c-name { width: 12em; } col.c-region { width: 6.5em; }
col.c-deployed { width: 10.5em; } col.c-result { width: 11.5em; } col.c-keys { width: 5.5em; }
col.c-recorded { width: 13em; }
ul.keys { margin: 4px 0 0; padding-left: 1.2em; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
thead th { background: #fff; border-bottom: 2px solid var(--ink); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
thead th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
thead th[aria-sort="ascending"] button::after { content: " \\25B2"; }
thead th[aria-sort="descending"] button::after { content: " \\25BC"; }
/* Long notes wrap between words; only a word wider than its cell breaks (never NOT_APP/LICABLE). */
td.detail { overflow-wrap: break-word; word-break: normal; }
.ou-group td { overflow-wrap: break-word; }
.ou-group time { white-space: nowrap; }
.nowrap { white-space: nowrap; }
td.error-text { min-width: 16em; overflow-wrap: break-word; }
.problem { display: block; color: #8a1c12; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88rem; }
table.small th, table.small td { padding: 3px 8px; font-size: 0.9rem; }
footer { max-width: 1280px; margin: 32px auto; padding: 0 24px; color: var(--muted); font-size: 0.85rem; }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  form#filters, thead th button::after { display: none !important; }
  thead { display: table-header-group; }
  .ou-group { content-visibility: visible; }
  /* Paper is narrower than the fixed columns: let the columns share it by content, so notes keep their words. */
  .ou-group table { table-layout: auto; }
  col.c-account, col.c-name, col.c-region, col.c-deployed, col.c-result, col.c-keys, col.c-recorded { width: auto; }
  .ou-group[hidden] { display: block !important; }
  tr[hidden] { display: table-row !important; }
  tr, li, .panel { break-inside: avoid; }
  .badge { color: #000; background: none; border: 1px solid #000; }
  a { color: inherit; text-decoration: none; }
}
`;

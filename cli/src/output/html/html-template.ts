/**
 * The page, as an Eta template. Every `<%= … %>` is escaped by Eta (its
 * default, `autoEscape`); the only raw output (`<%~ … %>`) is the project's
 * own stylesheet and script, never a value from AWS.
 */
export const PAGE_TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="<%= it.csp %>">
<meta name="referrer" content="no-referrer">
<title><%= it.doc.title %></title>
<style><%~ it.style %></style>
</head>
<body>
<header>
<h1><%= it.doc.title %></h1>
<p class="subject"><%= it.doc.subject %></p>
<dl class="evidence">
<dt>Generated</dt><dd><time datetime="<%= it.doc.evidence.generatedAt %>"><%= it.doc.evidence.generatedAt %></time></dd>
<dt>By</dt><dd class="mono"><%= it.doc.evidence.callerArn %></dd>
<dt>Organization</dt><dd><% if (it.doc.evidence.organizationId) { %><span class="mono"><%= it.doc.evidence.organizationId %></span><% } else { %>unknown: <%= it.doc.evidence.organizationNote ?? 'not read' %><% } %></dd>
<% if (it.doc.evidence.aggregator) { %><dt>Aggregator</dt><dd><span class="mono"><%= it.doc.evidence.aggregator.name %></span> (<%= it.doc.evidence.aggregator.region %>)</dd>
<% } %><dt>Centralized root access</dt><dd><%= it.doc.evidence.rootAccess.text %></dd>
<dt>Tool</dt><dd><%= it.doc.evidence.toolName %> <%= it.doc.evidence.toolVersion %></dd>
</dl>
<ul class="cards" aria-label="Accounts by result">
<% it.cards.forEach(function (card) { %><li class="cat-<%= card.category %>" data-card="<%= card.category %>"><span class="count"><%= card.count %></span><%= card.label %></li>
<% }) %></ul>
<p class="summary-line"><%= it.doc.summary %></p>
</header>
<main>
<section aria-labelledby="chart-heading">
<h2 id="chart-heading">Results by organizational unit</h2>
<ul class="legend"><% it.legend.forEach(function (item) { %><li class="cat-<%= item.category %>"><%= item.label %></li><% }) %></ul>
<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 1000 <%= it.chartHeight %>" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Share of each result among the rows of each organizational unit (the table below holds the same figures)</title>
<% it.model.bars.forEach(function (bar, index) { %><g class="bar" data-ou="<%= bar.ou %>" transform="translate(0 <%= index * it.barHeight %>)">
<text x="0" y="15"><%= it.clip(bar.ou) %></text>
<rect class="track" x="300" y="3" width="600" height="16"></rect>
<% bar.segments.forEach(function (segment) { %><rect class="seg cat-<%= segment.category %>" x="<%= 300 + segment.x * 6 %>" y="3" width="<%= segment.width * 6 %>" height="16"><title><%= bar.ou %>: <%= segment.count %> <%= it.labels[segment.category] %></title></rect>
<% }) %><text class="counts" x="300" y="34"><%= it.barText(bar) %></text>
</g>
<% }) %></svg>
<% if (it.model.barsLeftOut > 0) { %><p class="note">The <%= it.model.barsLeftOut %> other organizational units are in the table.</p>
<% } %></section>
<div class="panels">
<% if (it.doc.coverage) { %><section class="panel" id="coverage" aria-labelledby="coverage-heading">
<h2 id="coverage-heading">Coverage</h2>
<p><%= it.doc.coverage.summary %></p>
<% if (it.doc.coverage.unitsNote) { %><p class="note"><%= it.doc.coverage.unitsNote %></p>
<% } %><% if (it.doc.coverage.leftOut.length > 0) { %><table class="small"><caption>Left out: not ACTIVE</caption>
<thead><tr><th scope="col">Account</th><th scope="col">Name</th><th scope="col">State</th></tr></thead>
<tbody><% it.doc.coverage.leftOut.forEach(function (account) { %><tr><th scope="row" class="mono"><%= account.id %></th><td><%= account.name ?? '' %></td><td><%= account.state %></td></tr>
<% }) %></tbody></table>
<% } %><% if (it.doc.coverage.outsideOrganization.length > 0) { %><p>In the aggregator but not in the organization: <span class="mono"><%= it.doc.coverage.outsideOrganization.join(', ') %></span></p>
<% } %></section>
<% } %><% if (it.doc.deployment) { %><section class="panel" id="deployment" aria-labelledby="deployment-heading">
<h2 id="deployment-heading">Deployment</h2>
<p>Organization conformance pack <span class="mono"><%= it.doc.deployment.packName %></span>: <%= it.doc.deployment.found ? 'found' : 'not found' %>.</p>
<% if (it.doc.deployment.note) { %><p class="note"><%= it.doc.deployment.note %></p>
<% } %><% if (it.statusCounts.length > 0) { %><table class="small"><caption>Accounts by deployment status</caption>
<thead><tr><th scope="col">Status</th><th scope="col">Accounts</th></tr></thead>
<tbody><% it.statusCounts.forEach(function (entry) { %><tr><th scope="row"><%= entry[0] %></th><td><%= entry[1] %></td></tr>
<% }) %></tbody></table>
<% } %><% if (it.doc.deployment.excludedAccounts.length > 0) { %><p>Excluded on purpose (<span class="mono">ExcludedAccounts</span>): <span class="mono"><%= it.doc.deployment.excludedAccounts.join(', ') %></span></p>
<% } %><% if (it.doc.deployment.problems.length > 0) { %><table class="small"><caption>Accounts where the pack did not deploy</caption>
<thead><tr><th scope="col">Account</th><th scope="col">Status</th><th scope="col">Error</th></tr></thead>
<tbody><% it.doc.deployment.problems.forEach(function (problem) { %><tr><th scope="row" class="mono"><%= problem.accountId %></th><td><%= problem.status %></td><td class="error-text"><%= problem.errorCode ?? '' %><% if (problem.errorMessage) { %>: <%= problem.errorMessage %><% } %></td></tr>
<% }) %></tbody></table>
<% } %></section>
<% } %><% if (it.doc.fromAggregator) { %><section class="panel" id="not-applicable" aria-labelledby="na-heading">
<h2 id="na-heading">What NOT_APPLICABLE means here</h2>
<p>The rule reports NOT_APPLICABLE only for a root user without access keys and without a password (rule parameter <span class="mono">RootWithoutCredentials=NOT_APPLICABLE</span>, typical of centrally managed root access), or for an account that left the rule's scope. Config aggregators never return NOT_APPLICABLE results: in a report such accounts show as INSUFFICIENT_DATA, like accounts the rule has not evaluated yet. <code>evaluate</code> reads the account itself and shows NOT_APPLICABLE as such.</p>
<p>Turning centralized root access on does not delete existing root access keys: only a result per account shows that none is left.</p>
</section>
<% } %></div>
<section aria-labelledby="accounts-heading">
<h2 id="accounts-heading">Accounts</h2>
<form id="filters" hidden role="search" aria-label="Filter the accounts">
<label>Result <select name="category"><option value="">All results</option><% it.legend.forEach(function (item) { %><option value="<%= item.category %>"><%= item.label %></option><% }) %></select></label>
<label>Organizational unit <select name="ou"><option value="">All units</option><% it.model.groups.forEach(function (group) { %><option value="<%= group.ou %>"><%= group.ou %></option><% }) %></select></label>
<label>Text <input type="search" name="q" size="30" placeholder="account, name, annotation"></label>
<p id="shown" aria-live="polite"></p>
</form>
<p class="note"><%= it.model.rowCount %> rows in <%= it.model.groups.length %> organizational units, the units with non-compliant accounts and accounts without a result first, and those rows first in each unit.</p>
<div id="accounts"<% if (it.model.rowCount > it.manyRows) { %> class="many"<% } %>>
<% it.model.groups.forEach(function (group, index) { %><section class="ou-group" data-ou="<%= group.ou %>">
<table>
<caption id="ou-<%= index %>"><%= group.ou %>: <%= it.groupText(group) %></caption>
<colgroup><col class="c-account"><col class="c-name"><% if (it.model.columns.region) { %><col class="c-region"><% } %><% if (it.model.columns.deployedAs) { %><col class="c-deployed"><% } %><col class="c-result"><% if (it.model.columns.keys) { %><col class="c-keys"><% } %><% if (it.model.columns.recorded) { %><col class="c-recorded"><% } %><col class="c-detail"></colgroup>
<thead><tr><th scope="col">Account</th><th scope="col">Name</th><% if (it.model.columns.region) { %><th scope="col">Region</th><% } %><% if (it.model.columns.deployedAs) { %><th scope="col">Deployed as</th><% } %><th scope="col">Result</th><% if (it.model.columns.keys) { %><th scope="col">Root keys</th><% } %><% if (it.model.columns.recorded) { %><th scope="col">Recorded</th><% } %><th scope="col">Detail</th></tr></thead>
<tbody>
<% group.rows.forEach(function (row) { %><tr data-category="<%= row.category %>"><th scope="row" class="mono"><%= row.accountId %></th><td class="name"><%= row.accountName ?? '' %></td><% if (it.model.columns.region) { %><td><%= row.region ?? '' %></td><% } %><% if (it.model.columns.deployedAs) { %><td><%= row.deployedAs ?? '' %></td><% } %><td data-sort="<%= it.rank(row.category) %>"><span class="badge cat-<%= row.category %>"><%= row.compliance %></span></td><% if (it.model.columns.keys) { %><td><%= row.keys ?? '' %></td><% } %><% if (it.model.columns.recorded) { %><td><% if (row.recorded) { %><time datetime="<%= row.recorded %>"><%= row.recorded %></time><% } %></td><% } %><td class="detail"><%= row.annotation ?? '' %><% if (row.keyDetails) { %><ul class="keys" aria-label="Root access keys"><% row.keyDetails.forEach(function (key) { %><li><%= key %></li><% }) %></ul><% } %><% if (row.problem) { %><span class="problem"><%= row.problem %></span><% } %></td></tr>
<% }) %></tbody>
</table>
</section>
<% }) %></div>
</section>
</main>
<footer>Generated by <%= it.doc.evidence.toolName %> <%= it.doc.evidence.toolVersion %>. This page is self-contained: it loads nothing from the network.</footer>
<script><%~ it.script %></script>
</body>
</html>
`;

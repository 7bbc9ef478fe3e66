/**
 * The page's one script: filtering by category, OU and text, and sorting
 * every OU's table by any column. The page reads completely without it: the
 * controls are hidden until the script shows them. It reads only the page's
 * own tables (no data is embedded as script) and fetches nothing. Built for
 * thousands of rows: row texts and sort keys are read once, rows are moved in
 * one fragment per table, and attributes are written only when they change.
 */
export const PAGE_SCRIPT = `
(function () {
  "use strict";
  var root = document.getElementById("accounts");
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  if (!root || !form || !shown) return;
  var groups = Array.prototype.slice.call(root.querySelectorAll("section.ou-group")).map(function (section) {
    var table = section.querySelector("table");
    return { section: section, ou: section.getAttribute("data-ou"), body: table.tBodies[0], head: table.tHead.rows[0] };
  });
  var total = 0;
  groups.forEach(function (group) { total += group.body.rows.length; });
  var texts = new Map();
  function textOf(row) {
    var text = texts.get(row);
    if (text === undefined) { text = row.textContent.toLowerCase(); texts.set(row, text); }
    return text;
  }
  function setHidden(element, hidden) { if (element.hidden !== hidden) element.hidden = hidden; }
  function apply() {
    var category = form.elements.category.value;
    var ou = form.elements.ou.value;
    var query = form.elements.q.value.trim().toLowerCase();
    var visible = 0;
    groups.forEach(function (group) {
      var any = false;
      var rows = group.body.rows;
      var ouMatches = !ou || group.ou === ou;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var match = ouMatches && (!category || row.getAttribute("data-category") === category) &&
          (!query || textOf(row).indexOf(query) !== -1);
        setHidden(row, !match);
        if (match) { any = true; visible++; }
      }
      setHidden(group.section, !any);
    });
    shown.textContent = "Showing " + visible + " of " + total + " rows";
  }
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  var sorted = { index: -1, ascending: true };
  function sortBy(index) {
    var ascending = !(sorted.index === index && sorted.ascending);
    sorted = { index: index, ascending: ascending };
    groups.forEach(function (group) {
      var keyed = Array.prototype.map.call(group.body.rows, function (row) {
        var cell = row.cells[index];
        return { row: row, key: cell ? (cell.getAttribute("data-sort") || cell.textContent) : "" };
      });
      keyed.sort(function (a, b) { return collator.compare(a.key, b.key) * (ascending ? 1 : -1); });
      var fragment = document.createDocumentFragment();
      keyed.forEach(function (entry) { fragment.appendChild(entry.row); });
      group.body.appendChild(fragment);
      Array.prototype.forEach.call(group.head.cells, function (th, column) {
        if (column === index) th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
    });
  }
  groups.forEach(function (group) {
    Array.prototype.forEach.call(group.head.cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      button.title = "Sort every unit by " + th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(index); });
    });
  });
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  shown.textContent = "Showing " + total + " of " + total + " rows";
})();
`;

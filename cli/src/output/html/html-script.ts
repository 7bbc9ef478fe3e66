/**
 * The page's one script: filtering by category, OU and text, and sorting
 * within each OU group by any column. The page reads completely without it:
 * the controls are hidden until the script shows them. It reads only the
 * page's own table (no data is embedded as script) and fetches nothing.
 */
export const PAGE_SCRIPT = `
(function () {
  "use strict";
  var table = document.getElementById("accounts");
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  if (!table || !form || !shown) return;
  var bodies = Array.prototype.slice.call(table.tBodies);
  var total = 0;
  var texts = new Map();
  bodies.forEach(function (body) { total += body.rows.length - 1; });
  function textOf(row) {
    var text = texts.get(row);
    if (text === undefined) { text = row.textContent.toLowerCase(); texts.set(row, text); }
    return text;
  }
  function apply() {
    var category = form.elements.category.value;
    var ou = form.elements.ou.value;
    var query = form.elements.q.value.trim().toLowerCase();
    var visible = 0;
    bodies.forEach(function (body) {
      var any = false;
      var ouMatches = !ou || body.getAttribute("data-ou") === ou;
      for (var i = 1; i < body.rows.length; i++) {
        var row = body.rows[i];
        var match = ouMatches && (!category || row.getAttribute("data-category") === category) &&
          (!query || textOf(row).indexOf(query) !== -1);
        row.hidden = !match;
        if (match) { any = true; visible++; }
      }
      body.hidden = !any;
    });
    shown.textContent = "Showing " + visible + " of " + total + " rows";
  }
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  function keyOf(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.getAttribute("data-sort") || cell.textContent;
  }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      bodies.forEach(function (body) {
        var rows = Array.prototype.slice.call(body.rows, 1);
        rows.sort(function (a, b) {
          return collator.compare(keyOf(a, index), keyOf(b, index)) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
`;

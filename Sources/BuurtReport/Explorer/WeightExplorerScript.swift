/// The explorer's inline script: ``core`` (data, recomputation, table), then
/// ``WeightExplorerLinkScript`` (the `#w=` link and the `buurtscore whatif` command), then
/// ``wiring`` (events and start), in one function scope.
///
/// `indexScores` mirrors the arithmetic kernel of the aggregate stage operation for operation,
/// for every recomputed aggregate bottom-up (the index last): per row, skip when no child is
/// available or (available)/(children) < min_coverage; otherwise `num += w*x; den += w` over the
/// available children in model order, starting from 0, and `num/den` (missing when `den` is 0).
/// JavaScript numbers are IEEE doubles and neither engine fuses the multiply and add, so the
/// scores equal Swift's bit for bit. `ranksWithin` mirrors `competitionRanks`: descending exact
/// order, equal scores share the best rank.
///
/// The table lists the units most in need first (lowest index first, equal scores in data order,
/// unscored last: the order of the priority list); the sort choice switches to highest first.
/// Every weight change goes through `setWeight`, whether it comes from a slider, a number field,
/// the reset button or the `#w=` link (which writes the controls and dispatches their `input`
/// events).
enum WeightExplorerScript {
    static var javaScript: String {
        "(function () {\n\"use strict\";\n" + core + WeightExplorerLinkScript.javaScript + wiring + "})();\n"
    }

    static let core = #"""
        var root = document.currentScript.closest(".bs-explorer");
        var D = JSON.parse(root.querySelector(".bs-x-data").textContent);
        var T = JSON.parse(root.querySelector(".bs-x-text").textContent);
        var m = D.nodes.length, n = D.rows.length;
        function num(x) { return x === null ? NaN : x; }
        /// A column embedded as base64 of little-endian doubles.
        function column(text) {
          var bytes = atob(text), view = new DataView(new ArrayBuffer(bytes.length)), out = new Array(n);
          for (var b = 0; b < bytes.length; b++) view.setUint8(b, bytes.charCodeAt(b));
          for (var i = 0; i < n; i++) out[i] = view.getFloat64(8 * i, true);
          return out;
        }
        var leafValues = D.values.map(column);
        var published = D.rows.map(function (r) { return num(r[2]); });
        var publishedRank = D.rows.map(function (r) { return num(r[3]); });
        var bandLow = D.rows.map(function (r) { return D.bands ? num(r[4]) : NaN; });
        var bandHigh = D.rows.map(function (r) { return D.bands ? num(r[5]) : NaN; });
        var groups = D.periods.map(function () { return []; });
        D.rows.forEach(function (r, i) { groups[r[1]].push(i); });
        var modelWeights = D.nodes.map(function (d) { return d.weight; });
        var W = modelWeights.slice();
        var scores = published.slice(), ranks = publishedRank.slice(), tableOrder = [];
        var ranges = [], fields = [];
        root.querySelectorAll(".bs-x-range").forEach(function (e) { ranges[Number(e.dataset.node)] = e; });
        root.querySelectorAll(".bs-x-number").forEach(function (e) { fields[Number(e.dataset.node)] = e; });
        var periodSelect = root.querySelector(".bs-x-period"), search = root.querySelector(".bs-x-search");
        var sortSelect = root.querySelector(".bs-x-sort");
        var period = periodSelect ? Number(periodSelect.value) : 0;
        var stateEnabled = location.hash.length > 1, hookError = null;

        /// Every recomputed aggregate, bottom-up, as the aggregate stage: Σ w·x / Σ w over the
        /// available children; the index's scores.
        function indexScores(w) {
          var values = new Array(m), result = null;
          D.leaves.forEach(function (node, c) { values[node] = leafValues[c]; });
          D.aggregates.forEach(function (a) {
            var kids = a[2], minCoverage = a[1], out = new Array(n), count = kids.length;
            for (var i = 0; i < n; i++) {
              var available = 0;
              for (var q = 0; q < count; q++) if (values[kids[q]][i] === values[kids[q]][i]) available++;
              if (available === 0 || (minCoverage !== null && available / count < minCoverage)) { out[i] = NaN; continue; }
              var sum = 0, den = 0;
              for (var q = 0; q < count; q++) {
                var x = values[kids[q]][i];
                if (x !== x) continue;
                sum += w[kids[q]] * x;
                den += w[kids[q]];
              }
              out[i] = den > 0 ? sum / den : NaN;
            }
            if (a[0] === null) result = out; else values[a[0]] = out;
          });
          return result;
        }

        /// Competition ranks within each period: highest = 1, equal scores share the best rank.
        function ranksWithin(values) {
          var out = new Array(n).fill(NaN);
          groups.forEach(function (rows) {
            var order = rows.filter(function (r) { return values[r] === values[r]; });
            order.sort(function (a, b) { return values[a] > values[b] ? -1 : values[a] < values[b] ? 1 : 0; });
            for (var k = 0; k < order.length;) {
              var end = k;
              while (end + 1 < order.length && values[order[end + 1]] === values[order[k]]) end++;
              for (var q = k; q <= end; q++) out[order[q]] = k + 1;
              k = end + 1;
            }
          });
          return out;
        }

        function fill(template, values) {
          return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
        }
        function esc(s) {
          return String(s).replace(/[&<>"']/g, function (c) {
            return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
          });
        }
        function decimal(x, digits) {
          return x === x ? x.toFixed(digits).replace(".", T.decimal) : T.unranked;
        }
        function rankText(r) { return r === r ? count(r) : T.unranked; }
        function shiftCell(before, after) {
          if (before !== before || after !== after) return '<td class="bs-x-num bs-x-same">' + T.unranked + "</td>";
          var d = before - after;
          if (d > 0) return '<td class="bs-x-num bs-x-up" aria-label="+' + d + '">▲ ' + count(d) + "</td>";
          if (d < 0) return '<td class="bs-x-num bs-x-down" aria-label="' + d + '">▼ ' + count(-d) + "</td>";
          return '<td class="bs-x-num bs-x-same">=</td>';
        }
        function shiftText(d) { return d > 0 ? "▲\u00a0" + count(d) : "▼\u00a0" + count(-d); }
        /// Whole numbers with thousands grouped (13.905 in Dutch, 13,905 in English).
        function count(x) { return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, T.thousands); }
        /// The recomputed rank lies outside the published band (null: no band or no rank).
        function outsideBand(r) {
          if (bandLow[r] !== bandLow[r] || ranks[r] !== ranks[r]) return null;
          return ranks[r] < bandLow[r] || ranks[r] > bandHigh[r];
        }
        function bandCell(r) {
          if (!D.bands) return "";
          if (bandLow[r] !== bandLow[r]) return '<td class="bs-x-num bs-x-same">' + T.unranked + "</td>";
          var text = rankText(bandLow[r]) + "–" + rankText(bandHigh[r]);
          return outsideBand(r) ? '<td class="bs-x-num bs-x-outside">' + text + ' <span class="bs-x-flag">' + esc(T.outside) + "</span></td>"
            : '<td class="bs-x-num">' + text + "</td>";
        }

        function recompute() {
          if (D.recomputable) {
            scores = indexScores(W);
            ranks = ranksWithin(scores);
          }
          render();
        }

        /// Most in need first: lowest score first, equal scores in data order, unscored last.
        function needOrder(a, b) {
          var sa = scores[a] === scores[a], sb = scores[b] === scores[b];
          if (sa !== sb) return sa ? -1 : 1;
          if (sa && scores[a] !== scores[b]) return scores[a] < scores[b] ? -1 : 1;
          return a - b;
        }
        function bestOrder(a, b) {
          var ra = ranks[a] === ranks[a] ? ranks[a] : Infinity, rb = ranks[b] === ranks[b] ? ranks[b] : Infinity;
          if (ra !== rb) return ra - rb;
          var pa = publishedRank[a] === publishedRank[a] ? publishedRank[a] : Infinity;
          var pb = publishedRank[b] === publishedRank[b] ? publishedRank[b] : Infinity;
          if (pa !== pb) return pa - pb;
          var ua = D.units[D.rows[a][0]][0], ub = D.units[D.rows[b][0]][0];
          return ua < ub ? -1 : ua > ub ? 1 : a - b;
        }

        function render() {
          for (var j = 0; j < m; j++) {
            var parent = D.nodes[j].parent, total = 0;
            for (var q = 0; q < m; q++) if (D.nodes[q].parent === parent) total += W[q];
            var share = total > 0 ? W[j] / total * 100 : 0;
            var row = ranges[j].closest(".bs-x-weight");
            row.querySelector(".bs-x-bar").style.width = share.toFixed(1) + "%";
            row.querySelector(".bs-x-share-text").textContent = decimal(share, 1) + " %";
          }
          var rows = groups[period] || [];
          var moved = 0, rise = null, fall = null, left = 0;
          rows.forEach(function (r) {
            if (outsideBand(r)) left++;
            var d = publishedRank[r] - ranks[r];
            if (d !== d || d === 0) return;
            moved++;
            if (d > 0 && (rise === null || d > publishedRank[rise] - ranks[rise])) rise = r;
            if (d < 0 && (fall === null || d < publishedRank[fall] - ranks[fall])) fall = r;
          });
          var label = D.periods[period] === null ? "" : String(D.periods[period]);
          var dimensionTotal = 0;
          D.nodes.forEach(function (d, j) { if (d.parent === null) dimensionTotal += W[j]; });
          var summary = !D.recomputable ? "" : dimensionTotal === 0 ? T.allZero
            : moved === 0 ? fill(T.unchanged, { period: label })
            : fill(T.summary, { moved: count(moved), total: count(rows.length), period: label });
          if (rise !== null) summary += " " + fill(T.biggestRise, { name: D.units[D.rows[rise][0]][1], shift: shiftText(publishedRank[rise] - ranks[rise]) });
          if (fall !== null) summary += " " + fill(T.biggestFall, { name: D.units[D.rows[fall][0]][1], shift: shiftText(publishedRank[fall] - ranks[fall]) });
          if (D.bands && D.recomputable) summary += " " + fill(T.outsideSummary, { left: count(left) });
          root.querySelector(".bs-x-summary").textContent = summary;

          var query = search ? search.value.trim().toLowerCase() : "";
          var best = sortSelect && sortSelect.value === "best";
          tableOrder = rows.slice().sort(best ? bestOrder : needOrder);
          var shown = tableOrder.filter(function (r) {
            var u = D.units[D.rows[r][0]];
            return query === "" || u[0].toLowerCase().indexOf(query) >= 0 || u[1].toLowerCase().indexOf(query) >= 0;
          });
          var limit = 100, html = "";
          shown.slice(0, limit).forEach(function (r) {
            var u = D.units[D.rows[r][0]];
            html += "<tr><td class=\"bs-x-num\">" + rankText(ranks[r]) + "</td>" + shiftCell(publishedRank[r], ranks[r])
              + "<td>" + esc(u[1]) + "<span class=\"bs-x-unitcode\">" + esc(u[0]) + "</span></td>"
              + "<td class=\"bs-x-num\">" + decimal(scores[r], 1) + "</td>"
              + "<td class=\"bs-x-num\">" + rankText(publishedRank[r]) + "</td>" + bandCell(r)
              + "<td class=\"bs-x-num\">" + decimal(published[r], 1) + "</td></tr>";
          });
          root.querySelector(".bs-x-table tbody").innerHTML = html;
          root.querySelector(".bs-x-caption").textContent = best ? T.bestFirst : T.needFirst;
          root.querySelector(".bs-x-showing").textContent =
            shown.length > limit ? fill(T.showing, { shown: count(limit), total: count(shown.length) }) : "";
          showCommand();
          writeState();
        }

        /// The single path of every weight change.
        function setWeight(j, text, source) {
          if (!D.recomputable || !D.nodes[j].editable) return;
          var value = Number(String(text).trim().replace(",", "."));
          var valid = String(text).trim() !== "" && isFinite(value) && value >= 0;
          fields[j].setAttribute("aria-invalid", valid ? "false" : "true");
          root.querySelector(".bs-x-message").textContent = valid ? "" : T.invalid;
          if (!valid) return;
          W[j] = value;
          if (source !== ranges[j]) ranges[j].value = String(value);
          if (source !== fields[j]) fields[j].value = String(value);
          recompute();
          writeHash();
        }

        function writeState() {
          if (!stateEnabled) return;
          var check = D.recomputable ? indexScores(modelWeights) : published;
          var mismatches = 0;
          for (var i = 0; i < n; i++) if (!(check[i] === published[i] || (check[i] !== check[i] && published[i] !== published[i]))) mismatches++;
          var state = {
            weights: W, recomputable: D.recomputable, publishedMismatches: mismatches, error: hookError,
            disabledControls: ranges.every(function (r) { return r.matches(":disabled"); }),
            notice: root.querySelector(".bs-x-notice").textContent, command: root.querySelector(".bs-x-command").textContent,
            hash: location.hash, order: tableOrder,
            outside: D.rows.map(function (r, i) { return outsideBand(i); }),
            rows: scores.map(function (s, i) { return [ranks[i] === ranks[i] ? ranks[i] : null, s === s ? s : null]; })
          };
          document.getElementById("explorer-state").textContent = JSON.stringify(state);
        }

        """#

    static let wiring = #"""
        for (var j = 0; j < m; j++) {
          (function (j) {
            ranges[j].addEventListener("input", function () { setWeight(j, ranges[j].value, ranges[j]); });
            fields[j].addEventListener("input", function () { setWeight(j, fields[j].value, fields[j]); });
          })(j);
        }
        root.querySelector(".bs-x-reset").addEventListener("click", function () {
          D.nodes.forEach(function (d, j) { if (d.editable) setWeight(j, String(d.weight), null); });
        });
        if (periodSelect) periodSelect.addEventListener("change", function () { period = Number(periodSelect.value); render(); });
        if (sortSelect) sortSelect.addEventListener("change", render);
        if (search) search.addEventListener("input", render);
        root.querySelector(".bs-x-copy").addEventListener("click", copyCommand);
        window.addEventListener("hashchange", function () { if (location.hash !== writtenHash) applyHash(); });

        recompute();
        applyHash();
        writeState();

        """#
}

/// The explorer's inline script.
///
/// `indexScores` mirrors the arithmetic kernel of the aggregate stage operation for operation:
/// per row, skip when no dimension is available or (available)/(dimensions) < min_coverage;
/// otherwise `num += w*s; den += w` over the available dimensions in model order, starting from
/// 0, and `num/den` (missing when `den` is 0). JavaScript numbers are IEEE doubles and neither
/// engine fuses the multiply and add, so the scores equal Swift's bit for bit. `ranksWithin`
/// mirrors `competitionRanks`: descending exact order, equal scores share the best rank.
///
/// Every weight change goes through `setWeight`, whether it comes from a slider, a number field,
/// the reset button or the `#w=` test hook (which writes the controls and dispatches their
/// `input` events).
enum WeightExplorerScript {
    static let javaScript = #"""
        (function () {
          "use strict";
          var root = document.currentScript.closest(".bs-explorer");
          var D = JSON.parse(root.querySelector(".bs-x-data").textContent);
          var T = JSON.parse(root.querySelector(".bs-x-text").textContent);
          var k = D.dims.length, n = D.rows.length;
          function num(x) { return x === null ? NaN : x; }
          var S = D.rows.map(function (r) { return r.slice(4).map(num); });
          var published = D.rows.map(function (r) { return num(r[2]); });
          var publishedRank = D.rows.map(function (r) { return num(r[3]); });
          var groups = D.periods.map(function () { return []; });
          D.rows.forEach(function (r, i) { groups[r[1]].push(i); });
          var W = D.dims.map(function (d) { return d.weight; });
          var scores = published.slice(), ranks = publishedRank.slice();
          var ranges = root.querySelectorAll(".bs-x-range"), fields = root.querySelectorAll(".bs-x-number");
          var periodSelect = root.querySelector(".bs-x-period"), search = root.querySelector(".bs-x-search");
          var period = periodSelect ? Number(periodSelect.value) : 0;
          var stateEnabled = location.hash.length > 1, hookError = null;

          /// Σ w·s / Σ w over the available dimensions of each row, as the aggregate stage.
          function indexScores(w) {
            var out = new Array(n);
            for (var i = 0; i < n; i++) {
              var s = S[i], available = 0;
              for (var j = 0; j < k; j++) if (s[j] === s[j]) available++;
              if (available === 0 || (D.minCoverage !== null && available / k < D.minCoverage)) { out[i] = NaN; continue; }
              var sum = 0, den = 0;
              for (var j = 0; j < k; j++) {
                var x = s[j];
                if (x !== x) continue;
                sum += w[j] * x;
                den += w[j];
              }
              out[i] = den > 0 ? sum / den : NaN;
            }
            return out;
          }

          /// Competition ranks within each period: highest = 1, equal scores share the best rank.
          function ranksWithin(values) {
            var out = new Array(n).fill(NaN);
            groups.forEach(function (rows) {
              var order = rows.filter(function (r) { return values[r] === values[r]; });
              order.sort(function (a, b) { return values[a] > values[b] ? -1 : values[a] < values[b] ? 1 : 0; });
              for (var m = 0; m < order.length;) {
                var end = m;
                while (end + 1 < order.length && values[order[end + 1]] === values[order[m]]) end++;
                for (var q = m; q <= end; q++) out[order[q]] = m + 1;
                m = end + 1;
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

          function recompute() {
            if (D.recomputable) {
              scores = indexScores(W);
              ranks = ranksWithin(scores);
            }
            render();
          }

          function render() {
            var total = W.reduce(function (a, b) { return a + b; }, 0);
            for (var j = 0; j < k; j++) {
              var share = total > 0 ? W[j] / total * 100 : 0;
              var row = ranges[j].closest(".bs-x-weight");
              row.querySelector(".bs-x-bar").style.width = share.toFixed(1) + "%";
              row.querySelector(".bs-x-share-text").textContent = decimal(share, 1) + " %";
            }
            var rows = groups[period] || [];
            var moved = 0, rise = null, fall = null;
            rows.forEach(function (r) {
              var d = publishedRank[r] - ranks[r];
              if (d !== d || d === 0) return;
              moved++;
              if (d > 0 && (rise === null || d > publishedRank[rise] - ranks[rise])) rise = r;
              if (d < 0 && (fall === null || d < publishedRank[fall] - ranks[fall])) fall = r;
            });
            var label = D.periods[period] === null ? "" : String(D.periods[period]);
            var summary = !D.recomputable ? "" : total === 0 ? T.allZero
              : moved === 0 ? fill(T.unchanged, { period: label })
              : fill(T.summary, { moved: count(moved), total: count(rows.length), period: label });
            if (rise !== null) summary += " " + fill(T.biggestRise, { name: D.units[D.rows[rise][0]][1], shift: shiftText(publishedRank[rise] - ranks[rise]) });
            if (fall !== null) summary += " " + fill(T.biggestFall, { name: D.units[D.rows[fall][0]][1], shift: shiftText(publishedRank[fall] - ranks[fall]) });
            root.querySelector(".bs-x-summary").textContent = summary;

            var query = search ? search.value.trim().toLowerCase() : "";
            var shown = rows.filter(function (r) {
              var u = D.units[D.rows[r][0]];
              return query === "" || u[0].toLowerCase().indexOf(query) >= 0 || u[1].toLowerCase().indexOf(query) >= 0;
            });
            shown.sort(function (a, b) {
              var ra = ranks[a] === ranks[a] ? ranks[a] : Infinity, rb = ranks[b] === ranks[b] ? ranks[b] : Infinity;
              if (ra !== rb) return ra - rb;
              var pa = publishedRank[a] === publishedRank[a] ? publishedRank[a] : Infinity;
              var pb = publishedRank[b] === publishedRank[b] ? publishedRank[b] : Infinity;
              if (pa !== pb) return pa - pb;
              var ua = D.units[D.rows[a][0]][0], ub = D.units[D.rows[b][0]][0];
              return ua < ub ? -1 : ua > ub ? 1 : a - b;
            });
            var limit = 100, html = "";
            shown.slice(0, limit).forEach(function (r) {
              var u = D.units[D.rows[r][0]];
              html += "<tr><td class=\"bs-x-num\">" + rankText(ranks[r]) + "</td>" + shiftCell(publishedRank[r], ranks[r])
                + "<td>" + esc(u[1]) + "<span class=\"bs-x-unitcode\">" + esc(u[0]) + "</span></td>"
                + "<td class=\"bs-x-num\">" + decimal(scores[r], 1) + "</td>"
                + "<td class=\"bs-x-num\">" + rankText(publishedRank[r]) + "</td><td class=\"bs-x-num\">" + decimal(published[r], 1) + "</td></tr>";
            });
            root.querySelector(".bs-x-table tbody").innerHTML = html;
            root.querySelector(".bs-x-showing").textContent =
              shown.length > limit ? fill(T.showing, { shown: count(limit), total: count(shown.length) }) : "";
            writeState();
          }

          /// The single path of every weight change.
          function setWeight(j, text, source) {
            if (!D.recomputable) return;
            var value = Number(String(text).trim().replace(",", "."));
            var valid = String(text).trim() !== "" && isFinite(value) && value >= 0;
            fields[j].setAttribute("aria-invalid", valid ? "false" : "true");
            root.querySelector(".bs-x-message").textContent = valid ? "" : T.invalid;
            if (!valid) return;
            W[j] = value;
            if (source !== ranges[j]) ranges[j].value = String(value);
            if (source !== fields[j]) fields[j].value = String(value);
            recompute();
          }

          for (var j = 0; j < k; j++) {
            (function (j) {
              ranges[j].addEventListener("input", function () { setWeight(j, ranges[j].value, ranges[j]); });
              fields[j].addEventListener("input", function () { setWeight(j, fields[j].value, fields[j]); });
            })(j);
          }
          root.querySelector(".bs-x-reset").addEventListener("click", function () {
            D.dims.forEach(function (d, j) { setWeight(j, String(d.weight), null); });
          });
          if (periodSelect) periodSelect.addEventListener("change", function () { period = Number(periodSelect.value); render(); });
          if (search) search.addEventListener("input", render);

          function writeState() {
            if (!stateEnabled) return;
            var check = D.recomputable ? indexScores(D.dims.map(function (d) { return d.weight; })) : published;
            var mismatches = 0;
            for (var i = 0; i < n; i++) if (!(check[i] === published[i] || (check[i] !== check[i] && published[i] !== published[i]))) mismatches++;
            var state = {
              weights: W, recomputable: D.recomputable, publishedMismatches: mismatches, error: hookError,
              disabledControls: Array.prototype.every.call(ranges, function (r) { return r.matches(":disabled"); }),
              rows: scores.map(function (s, i) { return [ranks[i] === ranks[i] ? ranks[i] : null, s === s ? s : null]; })
            };
            document.getElementById("explorer-state").textContent = JSON.stringify(state);
          }

          /// Test hook: #w=code:value,… writes the controls and dispatches their input events.
          function applyHash() {
            var params = {};
            location.hash.slice(1).split("&").forEach(function (part) {
              var eq = part.indexOf("=");
              if (eq > 0) params[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
            });
            if (!params.w) return;
            var controls = params.via === "slider" ? ranges : fields;
            params.w.split(",").forEach(function (pair) {
              var colon = pair.lastIndexOf(":"), code = pair.slice(0, colon), j = -1;
              D.dims.forEach(function (d, m) { if (d.code === code) j = m; });
              if (j < 0 || colon < 0) { hookError = "unknown weight " + pair; return; }
              if (controls[j].matches(":disabled")) { hookError = "the weights cannot be changed for this index"; return; }
              controls[j].value = pair.slice(colon + 1);
              controls[j].dispatchEvent(new Event("input", { bubbles: true }));
            });
          }

          recompute();
          if (stateEnabled) { applyHash(); writeState(); }
        })();

        """#
}

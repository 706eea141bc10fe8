/// The part of the explorer's script that hands the weights on: the page's address and the
/// `buurtscore whatif` command. It runs inside ``WeightExplorerScript``'s function scope.
///
/// The address: `#w=code:value,code:value` lists the weights that differ from the published ones
/// (codes URL-encoded, values as below). On load and on `hashchange` the page starts from the
/// published weights and applies each entry by writing the number field (`&via=slider`: the
/// slider) and dispatching its `input` event, so a link takes the same path as a hand on a
/// control. An entry is applied only when its code is, compared as a string, the code of a
/// weight the page can change and its value is a plain decimal number (digits, an optional
/// point and fraction, an optional exponent); every other entry is counted and ignored, and a
/// notice (text only, never the entry itself) says how many. When a slider or field moves, the
/// address is replaced (no new history entry).
///
/// Values are written as the shortest decimal that reads back as the same double
/// (`String(x)`), with a point and never an exponent, so `buurtscore whatif` parses exactly the
/// weight the page used. The command names the model file and each changed weight as
/// `--weight code=value`; a word with a character outside `A–Z a–z 0–9 _ . / : = @ % + , -` is
/// single-quoted for the shell. When the command would refuse the weights (a block all 0, or a
/// weight beyond the model's limits) the line above the command says so instead.
enum WeightExplorerLinkScript {
    static let javaScript = #"""
        var writtenHash = null;
        var commandElement = root.querySelector(".bs-x-command"), copyButton = root.querySelector(".bs-x-copy");

        /// Shortest round-trip decimal with a point and without an exponent (1e-7 → 0.0000001).
        function plainDecimal(x) {
          var s = String(x), e = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
          if (!e) return s;
          var digits = e[1] + (e[2] || ""), exponent = Number(e[3]);
          if (exponent < 0) return "0." + "0".repeat(-exponent - 1) + digits;
          return digits + "0".repeat(Math.max(0, exponent - digits.length + 1));
        }
        function shellWord(s) {
          return /^[A-Za-z0-9_.\/:=@%+,-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'";
        }
        function changedWeights() {
          var out = [];
          D.nodes.forEach(function (d, j) { if (d.editable && W[j] !== modelWeights[j]) out.push(j); });
          return out;
        }
        /// The command for the changed weights (see the type's comment); "" when none changed.
        function commandText() {
          if (!D.recomputable) return "";
          var changed = changedWeights();
          if (changed.length === 0) return "";
          return T.command + " " + shellWord(D.model) + changed.map(function (j) {
            return " " + T.weightOption + " " + shellWord(D.nodes[j].code + "=" + plainDecimal(W[j]));
          }).join("");
        }
        /// Why the command would refuse the weights, checked as the model checks them
        /// (per block of siblings: not all 0, none above the maximum or more than the maximum
        /// ratio times the lightest positive one); "" when it accepts them.
        function refusal() {
          var blocks = {};
          D.nodes.forEach(function (d, j) {
            var key = d.parent === null ? "index" : "n" + d.parent;
            (blocks[key] = blocks[key] || []).push(W[j]);
          });
          for (var key in blocks) {
            var w = blocks[key];
            if (w.every(function (x) { return x === 0; })) return T.refusedZero;
            var lightest = Math.min.apply(null, w.filter(function (x) { return x > 0; }));
            if (w.some(function (x) { return x > D.maximumWeight || x > D.maximumRatio * lightest; })) return T.refusedRatio;
          }
          return "";
        }
        function showCommand() {
          var text = commandText();
          commandElement.textContent = text;
          copyButton.disabled = text === "";
          root.querySelector(".bs-x-command-hint").textContent = text === "" ? T.noCommand : (refusal() || T.commandHint);
        }
        function copyCommand() {
          var text = commandText(), status = root.querySelector(".bs-x-copied");
          if (text === "") return;
          function byHand() {
            var range = document.createRange(), selection = window.getSelection();
            range.selectNodeContents(commandElement);
            selection.removeAllRanges();
            selection.addRange(range);
            try { return document.execCommand("copy"); } catch (e) { return false; }
          }
          function done(copied) { status.textContent = copied ? T.copied : T.copyByHand; }
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(byHand()); });
          } else {
            done(byHand());
          }
        }

        /// The changed weights into the address, replacing the current entry of the history.
        function writeHash() {
          if (!D.recomputable) return;
          var hash = changedWeights().map(function (j) {
            return encodeURIComponent(D.nodes[j].code) + ":" + plainDecimal(W[j]);
          }).join(",");
          hash = hash === "" ? "" : "#w=" + hash;
          if (hash === location.hash) return;
          writtenHash = hash;
          try {
            history.replaceState(null, "", hash === "" ? location.pathname + location.search : hash);
          } catch (e) {
            try { location.replace(hash === "" ? "#" : hash); } catch (ignored) { }
          }
        }

        /// Applies `#w=…` from the address (see the type's comment); other fragments leave the weights alone.
        function applyHash() {
          var params = {}, notice = root.querySelector(".bs-x-notice");
          location.hash.slice(1).split("&").forEach(function (part) {
            var eq = part.indexOf("=");
            if (eq > 0) params[part.slice(0, eq)] = part.slice(eq + 1);
          });
          if (params.w === undefined) return;
          notice.textContent = "";
          notice.hidden = true;
          if (!D.recomputable) {
            hookError = "the weights cannot be changed for this index";
            notice.textContent = T.linkRefused;
            notice.hidden = false;
            return;
          }
          var target = modelWeights.slice(), texts = [], ignored = 0;
          params.w.split(",").forEach(function (pair) {
            if (pair === "") return;
            var colon = pair.lastIndexOf(":"), code = null, j = -1;
            if (colon > 0) { try { code = decodeURIComponent(pair.slice(0, colon)); } catch (e) { code = null; } }
            var text = colon > 0 ? pair.slice(colon + 1) : "";
            for (var q = 0; q < m; q++) if (D.nodes[q].code === code) j = q;
            var value = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text) ? Number(text) : NaN;
            if (j < 0 || !D.nodes[j].editable || !isFinite(value) || texts[j] !== undefined) { ignored++; return; }
            target[j] = value;
            texts[j] = text;
          });
          var controls = params.via === "slider" ? ranges : fields;
          for (var j = 0; j < m; j++) {
            if (!D.nodes[j].editable || (texts[j] === undefined && W[j] === target[j])) continue;
            controls[j].value = texts[j] !== undefined ? texts[j] : String(target[j]);
            controls[j].dispatchEvent(new Event("input", { bubbles: true }));
          }
          if (ignored > 0) {
            notice.textContent = fill(ignored === 1 ? T.linkIgnoredOne : T.linkIgnored, { count: count(ignored) });
            notice.hidden = false;
          }
        }

        """#
}

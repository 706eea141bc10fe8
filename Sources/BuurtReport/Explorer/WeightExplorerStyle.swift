/// The explorer's inline style, every rule scoped by `.bs-explorer` so the surrounding report's
/// style is untouched. Colours keep WCAG AA contrast on white; rises and falls are told apart
/// by arrow shape as well as colour.
enum WeightExplorerStyle {
    static let css = """
        .bs-explorer{--bs-x-accent:#1f5fa8;--bs-x-up:#17663a;--bs-x-down:#a3261d;--bs-x-muted:#5b6470;--bs-x-line:#d6dbe1;
        font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:1.5rem 0;max-width:72rem}
        .bs-explorer h2{font-size:1.35rem;margin:0 0 .4rem}
        .bs-explorer p{margin:.35rem 0}
        .bs-explorer .bs-x-formula{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85rem;color:var(--bs-x-muted)}
        .bs-explorer .bs-x-note{border-left:4px solid #b7791f;background:#fdf6e7;padding:.5rem .75rem}
        .bs-explorer .bs-x-controls{margin:.75rem 0}
        .bs-explorer .bs-x-weights{border:1px solid var(--bs-x-line);border-radius:6px;padding:.5rem .9rem .7rem;margin:0}
        .bs-explorer .bs-x-weights[disabled]{opacity:.6}
        .bs-explorer legend{font-weight:600;padding:0 .3rem}
        .bs-explorer .bs-x-weight{display:grid;grid-template-columns:minmax(11rem,16rem) minmax(8rem,1fr) 5.5rem 9rem;gap:.3rem .8rem;align-items:center;padding:.2rem 0}
        .bs-explorer .bs-x-weight label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        .bs-explorer .bs-x-range{width:100%;accent-color:var(--bs-x-accent)}
        .bs-explorer .bs-x-number{width:100%;box-sizing:border-box;font:inherit;padding:.1rem .3rem;text-align:right}
        .bs-explorer .bs-x-number[aria-invalid=true]{outline:2px solid var(--bs-x-down)}
        .bs-explorer .bs-x-share{position:relative;display:block;height:1.3rem;background:#eef1f4;border-radius:3px;overflow:hidden}
        .bs-explorer .bs-x-bar{position:absolute;left:0;top:0;bottom:0;background:#b9cfe8}
        .bs-explorer .bs-x-share-text{position:relative;padding-left:.4rem;font-size:.85rem;font-variant-numeric:tabular-nums}
        .bs-explorer .bs-x-tools{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center;margin-top:.6rem}
        .bs-explorer button,.bs-explorer select,.bs-explorer input[type=search]{font:inherit;padding:.2rem .5rem}
        .bs-explorer .bs-x-message{color:var(--bs-x-down)}
        .bs-explorer .bs-x-summary{font-weight:600;margin-top:.8rem}
        .bs-explorer .bs-x-scroll{max-height:40rem;overflow:auto;border:1px solid var(--bs-x-line);border-radius:6px}
        .bs-explorer .bs-x-table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        .bs-explorer .bs-x-table th{position:sticky;top:0;background:#f3f5f7;text-align:left;font-weight:600;padding:.35rem .6rem;border-bottom:1px solid var(--bs-x-line)}
        .bs-explorer .bs-x-table td{padding:.25rem .6rem;border-bottom:1px solid #eceff2}
        .bs-explorer .bs-x-table tbody tr:nth-child(even){background:#fafbfc}
        .bs-explorer .bs-x-table .bs-x-num{text-align:right}
        .bs-explorer .bs-x-table td.bs-x-num{white-space:nowrap}
        .bs-explorer .bs-x-up{color:var(--bs-x-up);font-weight:600}
        .bs-explorer .bs-x-down{color:var(--bs-x-down);font-weight:600}
        .bs-explorer .bs-x-same{color:var(--bs-x-muted)}
        .bs-explorer .bs-x-showing{color:var(--bs-x-muted);font-size:.85rem}
        .bs-explorer .bs-x-unitcode{color:var(--bs-x-muted);font-size:.8rem;margin-left:.4rem}
        .bs-explorer .bs-x-hint{color:var(--bs-x-muted);font-size:.85rem}
        .bs-explorer .bs-x-dimension{border-top:1px solid #eceff2}
        .bs-explorer .bs-x-dimension>summary{list-style-position:outside;margin-left:1rem;cursor:pointer}
        .bs-explorer .bs-x-dimension>summary .bs-x-weight{display:inline-grid;width:calc(100% - .5rem);vertical-align:middle}
        .bs-explorer .bs-x-dim label{font-weight:600}
        .bs-explorer .bs-x-children{margin:0 0 .4rem 2rem;font-size:.92rem}
        .bs-explorer .bs-x-notice{border-left:4px solid var(--bs-x-down);background:#fbeceb;padding:.5rem .75rem}
        .bs-explorer .bs-x-notice[hidden]{display:none}
        .bs-explorer .bs-x-handoff{margin:.6rem 0}
        .bs-explorer .bs-x-pre{background:#f3f5f7;border:1px solid var(--bs-x-line);border-radius:4px;padding:.4rem .6rem;margin:.3rem 0;white-space:pre-wrap;word-break:break-all;font-size:.85rem}
        .bs-explorer .bs-x-pre:empty,.bs-explorer .bs-x-pre code:empty{display:none}
        .bs-explorer .bs-x-table caption{caption-side:top;text-align:left;padding:.35rem .6rem;color:var(--bs-x-muted);font-size:.85rem}
        .bs-explorer .bs-x-outside{color:var(--bs-x-down);font-weight:600}
        .bs-explorer .bs-x-flag{font-size:.8rem}
        @media (max-width:40rem){.bs-explorer .bs-x-weight{grid-template-columns:1fr 5rem}.bs-explorer .bs-x-range{grid-column:1/-1}}
        @media print{.bs-explorer .bs-x-controls,.bs-explorer .bs-x-formula{display:none}.bs-explorer .bs-x-scroll{max-height:none;overflow:visible;border:0}}

        """
}

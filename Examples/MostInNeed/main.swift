// The getting-started steps on the repository's demo: load the model, run it, read the priority
// list of the latest period with its bands, and write every file of the run.
import BuurtWorkflow

let settings = RunSettings(model: "../datasets/demo/model.yml", threads: 2)
let results = try run(settings)

// The priority list: lowest index score first. Each row has a score band (5th–95th percentile of
// the replications) and a rank band; p_top is the chance of being among the most in need.
let latest = results.scores.periodList.last ?? nil
let bands = Dictionary(uniqueKeysWithValues: results.bands.map { ($0.row, $0) })
print("priority,unit,period,score,score_p05,score_p95,rank,rank_p05,rank_p95,p_top,name")
for row in results.priorities where row.period == latest && row.priority <= 5 {
    let band = bands[row.row]!
    print([String(row.priority), row.unit, latest.map(String.init) ?? "", "\(row.score)", "\(band.scoreP05)",
           "\(band.scoreP95)", "\(row.rank)", "\(row.rankP05)", "\(row.rankP95)", "\(row.pTop)", row.name]
        .joined(separator: ","))
}

// The files of `buurtscore run`: tables, report, manifest (into a new folder, or an earlier output).
let written = try results.write(to: ".build/most-in-need-out")
print("wrote \(written.count) files to .build/most-in-need-out")

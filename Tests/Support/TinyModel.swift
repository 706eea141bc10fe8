import Foundation

/// Four buurten (A–D), 2019 and 2020, three indicators under two dimensions, numbers chosen so
/// that min-max [0, 100] and the means are exact: in 2019 the index is A 25, B 75, C 50, D 50,
/// in 2020 A 25, B 75, C 50, D 100; `d1` = mean(x1, x2), `d2` = x3 after normalisation.
public enum TinyModel {
    public static let data = """
        unit,name,year,x1,x2,x3,population
        A,Alpha,2019,0,10,0,100
        B,Beta,2019,10,0,10,200
        C,Gamma,2019,5,5,5,400
        D,Delta,2019,10,10,0,500
        A,Alpha,2020,0,10,0,100
        B,Beta,2020,10,0,10,200
        C,Gamma,2020,5,5,5,400
        D,Delta,2020,10,10,10,500

        """

    /// The model file; `extra` is appended (e.g. a `priorities:` key).
    public static func model(_ extra: String = "") -> String {
        """
        title: Tiny
        data: data.csv
        unit: unit
        name: name
        period: year
        groups:
          - {code: index, name: Index}
          - {code: d1, name: Dimension one, parent: index}
          - {code: d2, name: Dimension two, parent: index}
        indicators:
          - {code: x1, name: X one, parent: d1, direction: 1}
          - {code: x2, name: X two, parent: d1, direction: 1}
          - {code: x3, name: X three, parent: d2, direction: 1}
        columns:
          - {code: population, name: Inwoners, type: denominator}

        """ + extra
    }

    /// Writes `data.csv` and `model.yml` (with `extra`) into a fresh folder; returns the model's path.
    public static func write(_ extra: String = "", data: String = TinyModel.data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("buurtscore-tiny-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("model.yml")
        try model(extra).write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}

import BuurtIndex
import BuurtNumerics

/// `buurten.geojson` of a synthetic data set: one quadrilateral per buurt in RD New
/// coordinates (metres) around Heerlen, grouped by wijk.
///
/// The wijken are blocks of 3 × 2 cells of ``cellSize`` metres, laid out row by row in a square
/// grid of blocks; the buurten of a wijk take its cells in order (a wijk has at most 5). Every
/// vertex of the cell grid is moved by up to ±``jitter`` metres in x and y, drawn from the
/// stream (seed, ``vertexStream`` + vertex number), so neighbours share their edges and the
/// same seed gives the same file. Each feature carries `buurtcode` (the code the data has in
/// its latest year) and `buurtnaam`.
enum SyntheticMap {
    /// Larger data sets get no map (it would pass a few MiB and the maps would be unreadable).
    static let maximumUnits = 20_000
    static let cellSize = 500.0
    static let jitter = 120.0
    /// South-west corner of the grid (RD New).
    static let origin = (x: 192_000.0, y: 317_000.0)
    static let vertexStream: UInt64 = 3 << 32

    /// One buurt: its code, name, wijk and place in the wijk (from 0).
    struct Unit {
        var code: String
        var name: String
        var district: Int
        var place: Int
    }

    /// The GeoJSON text, or `nil` beyond ``maximumUnits``.
    static func geoJSON(_ units: [Unit], districts: Int, seed: UInt64) -> String? {
        guard !units.isEmpty, units.count <= maximumUnits else { return nil }
        var blocksPerRow = 1
        while blocksPerRow * blocksPerRow < districts { blocksPerRow += 1 }
        let columns = 3 * blocksPerRow + 1
        func vertex(_ i: Int, _ j: Int) -> String {
            var g = RandomStream(seed: seed, stream: vertexStream + UInt64(j * columns + i))
            let dx = ((g.uniform() * 2 - 1) * jitter).rounded(), dy = ((g.uniform() * 2 - 1) * jitter).rounded()
            return "[" + formatNumber(origin.x + Double(i) * cellSize + dx) + "," + formatNumber(origin.y + Double(j) * cellSize + dy) + "]"
        }
        let features = units.map { u in
            let i = (u.district % blocksPerRow) * 3 + u.place % 3, j = (u.district / blocksPerRow) * 2 + u.place / 3
            let ring = [vertex(i, j), vertex(i + 1, j), vertex(i + 1, j + 1), vertex(i, j + 1), vertex(i, j)].joined(separator: ",")
            return "{\"type\":\"Feature\",\"properties\":{\"buurtcode\":" + JSONString.quoted(u.code) + ",\"buurtnaam\":" + JSONString.quoted(u.name)
                + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}"
        }
        return "{\"type\":\"FeatureCollection\",\n\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},\n\"features\":[\n"
            + features.joined(separator: ",\n") + "\n]}\n"
    }
}

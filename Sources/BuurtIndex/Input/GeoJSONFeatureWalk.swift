/// Checks the features of a GeoJSON FeatureCollection one by one and keeps their rings with
/// the coordinates as written (``GeoJSONProjection`` projects them once all are read).
struct GeoJSONFeatureWalk {
    let file: String
    let property: String
    /// Number of features in the file (for "feature 3 of 19").
    let count: Int
    let positionLimit: Int
    private(set) var shapes: [GeoJSONMap.Shape] = []
    var problems: [BuurtError] = []
    private(set) var positions = 0
    /// Feature (position in ``shapes``) of the first position outside each range, for messages.
    private(set) var firstOutsideWGS84: (feature: String, x: Double, y: Double)?
    private(set) var firstOutsideRD: (feature: String, x: Double, y: Double)?
    private(set) var firstOutsideBoth: (feature: String, x: Double, y: Double)?
    private var seen: [String: Int] = [:]

    init(file: String, property: String, count: Int, positionLimit: Int) {
        self.file = file
        self.property = property
        self.count = count
        self.positionLimit = positionLimit
    }

    private mutating func fail(_ message: String) {
        problems.append(BuurtError(.data, "map file: " + message, at: SourceLocation(file: file)))
    }

    /// Checks one feature (`index` from 0) and keeps its shape when it is sound.
    mutating func feature(_ value: GeoJSONValue, index: Int) {
        var name = "feature \(index + 1) of \(count)"
        guard case .object = value, case .text("Feature") = value["type"] ?? .null else {
            fail("\(name) is not a GeoJSON Feature ({\"type\": \"Feature\", \"properties\": {...}, \"geometry\": {...}}), got \(value["type"].map { "type " + $0.described } ?? value.described)")
            return
        }
        guard let unit = unitCode(value["properties"] ?? .null) else {
            let present: [String]
            if case .object(let members)? = value["properties"] { present = members.keys.sorted() } else { present = [] }
            let hint = ModelFileReader.suggestion(for: property, among: present, listAll: true)
            fail("\(name) has no property '\(property)' with the unit code (text or a number)\(hint.isEmpty ? "; it has no properties" : hint); "
                + "set map: {file: …, property: …} to the property that holds the codes of the data's unit column")
            return
        }
        name += " (\(property) '\(MessageText.excerpt(unit))')"
        if let earlier = seen[unit] {
            fail("\(name): the unit code '\(MessageText.excerpt(unit))' is also that of feature \(earlier + 1); each unit needs exactly one feature (merge its parts into one MultiPolygon)")
            return
        }
        seen[unit] = index
        guard let geometry = value["geometry"], case .object = geometry else {
            fail("\(name) has no geometry; expected a Polygon or MultiPolygon")
            return
        }
        let polygons: [GeoJSONValue]
        switch geometry["type"] ?? .null {
        case .text("Polygon"): polygons = [geometry["coordinates"] ?? .null]
        case .text("MultiPolygon"):
            guard case .list(let items) = geometry["coordinates"] ?? .null, !items.isEmpty else {
                fail("\(name): the coordinates of a MultiPolygon must be a non-empty list of polygons, got \(geometry["coordinates"]?.described ?? "nothing")")
                return
            }
            polygons = items
        case let other:
            fail("\(name) has geometry type \(other.described); only Polygon and MultiPolygon can be drawn as areas")
            return
        }
        var rings: [[GeoJSONMap.Point]] = []
        for (p, polygon) in polygons.enumerated() {
            let part = polygons.count > 1 ? "polygon \(p + 1) of \(name)" : name
            guard case .list(let ringValues) = polygon, !ringValues.isEmpty else {
                fail("\(part): a polygon must be a non-empty list of rings (lists of [x, y] positions), got \(polygon.described)")
                return
            }
            for (r, ringValue) in ringValues.enumerated() {
                guard let ring = ring(ringValue, "ring \(r + 1) of \(part)", unit: name) else { return }
                rings.append(ring)
            }
        }
        shapes.append(GeoJSONMap.Shape(unit: unit, rings: rings))
    }

    /// The unit code: a text property, or a number written in its shortest form.
    private func unitCode(_ properties: GeoJSONValue) -> String? {
        switch properties[property] {
        case .text(let s)? where !s.trimmingCharacters(in: .whitespaces).isEmpty: s
        case .number(let x)?: formatNumber(x)
        default: nil
        }
    }

    /// A closed ring of at least 4 positions of at least two finite numbers.
    private mutating func ring(_ value: GeoJSONValue, _ name: String, unit: String) -> [GeoJSONMap.Point]? {
        guard case .list(let items) = value else {
            fail("\(name): a ring must be a list of [x, y] positions, got \(value.described)")
            return nil
        }
        guard items.count >= 4 else {
            fail("\(name) has \(items.count) position\(items.count == 1 ? "" : "s"); a ring needs at least 4 (a triangle and its first position again)")
            return nil
        }
        positions += items.count
        guard positions <= positionLimit else {
            fail("more than \(positionLimit) positions in all (at \(name)); simplify the shapes")
            return nil
        }
        var points: [GeoJSONMap.Point] = []
        points.reserveCapacity(items.count)
        for (k, item) in items.enumerated() {
            guard case .list(let numbers) = item, numbers.count >= 2,
                  case .number(let x) = numbers[0], case .number(let y) = numbers[1], x.isFinite, y.isFinite else {
                fail("\(name), position \(k + 1): expected [x, y] with two numbers, got \(Self.describe(item))")
                return nil
            }
            note(x, y, unit)
            points.append(GeoJSONMap.Point(x: x, y: y))
        }
        guard points.first == points.last else {
            fail("\(name) is not closed: its last position [\(formatNumber(points.last!.x)), \(formatNumber(points.last!.y))] differs from its first "
                + "[\(formatNumber(points[0].x)), \(formatNumber(points[0].y))]; repeat the first position at the end")
            return nil
        }
        return points
    }

    /// Remembers the first position outside each coordinate range.
    private mutating func note(_ x: Double, _ y: Double, _ unit: String) {
        let wgs = GeoJSONProjection.isWGS84(x, y), rd = GeoJSONProjection.isRDNew(x, y)
        if !wgs, firstOutsideWGS84 == nil { firstOutsideWGS84 = (unit, x, y) }
        if !rd, firstOutsideRD == nil { firstOutsideRD = (unit, x, y) }
        if !wgs, !rd, firstOutsideBoth == nil { firstOutsideBoth = (unit, x, y) }
    }

    /// A position as written: `[1, 'a']`, `a list of 1 number`.
    private static func describe(_ item: GeoJSONValue) -> String {
        guard case .list(let numbers) = item else { return item.described }
        if numbers.count < 2 { return "a list of \(numbers.count) value\(numbers.count == 1 ? "" : "s")" }
        return "[" + numbers.prefix(2).map { v in
            if case .number(let x) = v { return formatNumber(x) }
            return v.described
        }.joined(separator: ", ") + "]"
    }
}

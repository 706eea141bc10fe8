import Foundation

/// The shapes of the units, read from the GeoJSON file named by the model's `map:`
/// (``MapSpec``), for the report's maps.
///
/// The file must be a `FeatureCollection` whose features are `Polygon` or `MultiPolygon`
/// geometries, each with a property (``MapSpec/property``) holding the unit's code. Rings need at
/// least 4 positions and must be closed (the last position equals the first); a position's
/// first two numbers are used (an altitude is ignored).
///
/// Coordinates are recognised by their range (``CoordinateSystem``) and projected to metres with
/// y pointing north: RD New (EPSG:28992) as it is; WGS84 longitude/latitude by an
/// equirectangular projection, x = R·λ·cos φ̄, y = R·φ (λ, φ in radians, R = 6 371 008.8 m, φ̄
/// the middle of the file's latitude range), which keeps the shapes' proportions at buurt scale.
///
/// The file is treated as untrusted: at most ``sizeLimit`` bytes, ``depthLimit`` levels of
/// nesting, ``featureLimit`` features and ``positionLimit`` positions.
public struct GeoJSONMap: Sendable, Equatable {
    /// How the file's coordinates were recognised.
    public enum CoordinateSystem: String, Sendable {
        /// Longitude within ±180, latitude within ±90 (degrees).
        case wgs84
        /// RD New (EPSG:28992): x from 0 to 300 000, y from 300 000 to 625 000 (metres).
        case rdNew
    }

    /// A projected point in metres (y north).
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// One unit's shape: every ring of its polygons (outer rings and holes, drawn even-odd).
    public struct Shape: Sendable, Equatable {
        public var unit: String
        public var rings: [[Point]]

        public init(unit: String, rings: [[Point]]) {
            self.unit = unit
            self.rings = rings
        }
    }

    /// 64 MiB: the largest map file read.
    public static let sizeLimit = 64 << 20
    /// Nesting of lists and objects: a MultiPolygon feature collection needs 8.
    public static let depthLimit = 32
    public static let featureLimit = 200_000
    public static let positionLimit = 4_000_000
    /// At most this many problems are listed.
    static let problemLimit = 20

    /// The file as named in messages.
    public var file: String
    public var coordinateSystem: CoordinateSystem
    /// In the file's order.
    public var shapes: [Shape]

    public init(file: String, coordinateSystem: CoordinateSystem, shapes: [Shape]) {
        self.file = file
        self.coordinateSystem = coordinateSystem
        self.shapes = shapes
    }

    /// What a map file is called in messages.
    static let kind = InputFile.Kind(
        noun: "map file", expected: "a GeoJSON file", files: "map files",
        remedy: "simplify the shapes (fewer positions per ring) or leave out units the model does not cover")

    /// Reads and checks the map file of `spec`.
    /// - Parameters:
    ///   - origin: where the path came from, for a missing file ("named by 'map:' at model.yml:3:6").
    ///   - bytesRead: called with exactly the bytes that are parsed.
    /// - Throws: ``BuurtErrors``: `.missingInput` when the file cannot be read, else every `.data`
    ///   problem found (at most ``problemLimit``), each naming the file, the feature and its unit.
    /// - Complexity: O(size of the file).
    public static func load(_ spec: MapSpec, origin: String, bytesRead: ((Data) -> Void)? = nil) throws(BuurtErrors) -> GeoJSONMap {
        let data: Data
        do {
            data = try InputFile.contents(path: spec.path, limit: sizeLimit, kind: kind)
        } catch {
            let message = error.kind == .missingInput ? "cannot read the map file: \(error.message) (\(origin))" : error.message
            throw BuurtErrors([BuurtError(error.kind, message, at: error.location)])
        }
        bytesRead?(data)
        return try parse(data, file: spec.path, property: spec.property)
    }

    /// Parses GeoJSON bytes; `file` names them in messages, `property` holds the unit codes.
    /// - Throws: ``BuurtErrors`` (`.data`) listing the problems found.
    public static func parse(_ data: Data, file: String, property: String) throws(BuurtErrors) -> GeoJSONMap {
        try parse(data, file: file, property: property, positionLimit: positionLimit)
    }

    /// ``parse(_:file:property:)`` with another limit on the number of positions.
    package static func parse(_ data: Data, file: String, property: String, positionLimit: Int) throws(BuurtErrors) -> GeoJSONMap {
        let at = SourceLocation(file: file)
        func refuse(_ message: String) -> BuurtErrors { BuurtErrors([BuurtError(.data, "map file: " + message, at: at)]) }
        let depth = data.withUnsafeBytes { GeoJSONValue.depth(of: $0) }
        guard depth <= depthLimit else {
            throw refuse("lists and objects are nested \(depth) deep; a GeoJSON map needs at most \(depthLimit) (is this a GeoJSON FeatureCollection?)")
        }
        let root: GeoJSONValue
        do {
            root = try JSONDecoder().decode(GeoJSONValue.self, from: data)
        } catch {
            throw refuse("not valid JSON (\(jsonProblem(error))); expected a GeoJSON FeatureCollection")
        }
        guard case .text("FeatureCollection") = root["type"] ?? .null else {
            let type = root["type"].map { $0.described } ?? (root.isObject ? "no 'type'" : root.described)
            throw refuse("expected a GeoJSON FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": [...]}), got \(type)")
        }
        guard case .list(let features) = root["features"] ?? .null else {
            throw refuse("the FeatureCollection has no list 'features', got \(root["features"]?.described ?? "nothing")")
        }
        guard features.count <= featureLimit else {
            throw refuse("\(features.count) features; a map file holds at most \(featureLimit)")
        }
        var walk = GeoJSONFeatureWalk(file: file, property: property, count: features.count, positionLimit: positionLimit)
        for (k, feature) in features.enumerated() where walk.problems.count < problemLimit {
            walk.feature(feature, index: k)
        }
        if walk.problems.isEmpty, walk.shapes.isEmpty {
            throw refuse("the FeatureCollection has no features; expected one Polygon or MultiPolygon per unit")
        }
        if walk.problems.isEmpty, let problem = GeoJSONProjection.detectionProblem(walk) {
            walk.problems.append(BuurtError(.data, problem, at: at))
        }
        guard walk.problems.isEmpty else { throw BuurtErrors(walk.problems) }
        let projection = GeoJSONProjection(walk)
        return GeoJSONMap(file: file, coordinateSystem: projection.system, shapes: walk.shapes.map(projection.project))
    }

    /// The decoder's own description of why the bytes are not JSON, shortened.
    private static func jsonProblem(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return MessageText.excerpt(underlying ?? context.debugDescription)
        }
        return MessageText.excerpt(String(describing: error))
    }
}

extension GeoJSONValue {
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

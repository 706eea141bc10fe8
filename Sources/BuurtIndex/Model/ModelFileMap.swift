import Yams

/// The model's `map:` key: a GeoJSON file with one shape per unit, for the report's maps.
///
/// `map: buurten.geojson` or `map: {file: buurten.geojson, property: buurtcode}`: the path is
/// relative to the model file's folder (like `data:`); `property` (default `buurtcode`) is the
/// feature property that holds the unit's code, as in the data's unit column.
public struct MapSpec: Sendable, Equatable {
    /// The feature property that names the unit when the model does not say.
    public static let defaultProperty = "buurtcode"

    /// The path exactly as written in the model file.
    public var declaredFile: String
    /// ``declaredFile`` resolved against the model file's folder.
    public var path: String
    /// The feature property holding the unit code.
    public var property: String

    public init(declaredFile: String, path: String, property: String = MapSpec.defaultProperty) {
        self.declaredFile = declaredFile
        self.path = path
        self.property = property
    }
}

extension ModelFileReader {
    static let mapKeys = ["file", "property"]

    /// `map: file.geojson` or `map: {file, property}`; `baseDirectory` resolves the path.
    mutating func map(_ node: Node, baseDirectory: String) -> MapSpec? {
        if case .scalar = node, node.null == nil {
            guard let file = mapPath(node) else { return nil }
            return MapSpec(declaredFile: file, path: ModelFile.resolve(file, against: baseDirectory))
        }
        guard case .mapping = node else {
            fail("map must be the path of a GeoJSON file (map: buurten.geojson) or {file: buurten.geojson, property: buurtcode}, got \(Self.describe(node))", at: node)
            return nil
        }
        guard let f = fields(node, "'map'", known: Self.mapKeys) else { return nil }
        guard let fileNode = f["file"] else {
            fail("map needs 'file': the path of the GeoJSON file, relative to the model file's folder (map: {file: buurten.geojson})", at: node)
            return nil
        }
        guard let file = mapPath(fileNode) else { return nil }
        var spec = MapSpec(declaredFile: file, path: ModelFile.resolve(file, against: baseDirectory))
        if let p = f["property"], let property = text(p, "property of map (the feature property holding the unit code)") {
            if property.isEmpty {
                fail("property of map is empty; give the feature property holding the unit code (property: buurtcode)", at: p)
            } else {
                spec.property = property
            }
        }
        return spec
    }

    private mutating func mapPath(_ node: Node) -> String? {
        guard let path = text(node, "the file of map (a GeoJSON file)") else { return nil }
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            fail("the file of map is empty; give the path of a GeoJSON file, relative to the model file's folder (map: buurten.geojson)", at: node)
            return nil
        }
        return path
    }
}

import Foundation
import Testing
import BuurtIndex

/// The map reader: coordinate systems, projection, and every refused input with its message.
@Suite struct GeoJSONMapTests {
    /// A feature with `properties` and one Polygon ring given as JSON text.
    static func feature(_ code: String, ring: String, geometry: String = "Polygon") -> String {
        "{\"type\":\"Feature\",\"properties\":{\"buurtcode\":\"\(code)\"},\"geometry\":{\"type\":\"\(geometry)\",\"coordinates\":[\(ring)]}}"
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}"
    }

    /// A closed square ring with corners (x, y) and (x + size, y + size).
    static func square(_ x: Double, _ y: Double, _ size: Double) -> String {
        let c = [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
        return "[" + c.map { "[\(formatNumber($0.0)),\(formatNumber($0.1))]" }.joined(separator: ",") + "]"
    }

    static func parse(_ text: String, property: String = "buurtcode") throws -> GeoJSONMap {
        try GeoJSONMap.parse(Data(text.utf8), file: "buurten.geojson", property: property)
    }

    /// The messages of the problems `text` is refused with.
    static func problems(_ text: String, property: String = "buurtcode") -> [String] {
        do throws(BuurtErrors) {
            _ = try GeoJSONMap.parse(Data(text.utf8), file: "buurten.geojson", property: property)
            return []
        } catch {
            #expect(error.problems.allSatisfy { $0.kind == .data && $0.location?.file == "buurten.geojson" })
            return error.problems.map(\.message)
        }
    }

    @Test func rdNewCoordinatesAreKeptInMetres() throws {
        let map = try Self.parse(Self.collection([Self.feature("BU01", ring: Self.square(196_000, 320_000, 500)),
                                                  Self.feature("BU02", ring: Self.square(196_500, 320_000, 500))]))
        #expect(map.coordinateSystem == .rdNew)
        #expect(map.shapes.map(\.unit) == ["BU01", "BU02"])
        #expect(map.shapes[0].rings == [[(196_000, 320_000), (196_500, 320_000), (196_500, 320_500), (196_000, 320_500), (196_000, 320_000)]
            .map { GeoJSONMap.Point(x: $0.0, y: $0.1) }])
    }

    @Test func wgs84IsProjectedEquirectangularAtTheMiddleLatitude() throws {
        // Latitudes 50.8 to 51.0: φ̄ = 50.9°. The point (6, 51): x = R·6·π/180·cos 50.9°, y = R·51·π/180.
        let ring = "[[5.9,50.8],[6,50.8],[6,51],[5.9,51],[5.9,50.8]]"
        let map = try Self.parse(Self.collection([Self.feature("BU01", ring: ring)]))
        #expect(map.coordinateSystem == .wgs84)
        let r = 6_371_008.8, degree = Double.pi / 180
        let p = map.shapes[0].rings[0][2]
        #expect(abs(p.x - r * 6 * degree * cos(50.9 * degree)) < 1e-6)
        #expect(abs(p.y - r * 51 * degree) < 1e-6)
        // About 420.8 km east of Greenwich at 51° N, 5670.9 km north of the equator.
        #expect(abs(p.x - 420_768.28) < 0.01 && abs(p.y - 5_670_949.09) < 0.01)
    }

    @Test func multiPolygonsHolesAndNumericCodesAreRead() throws {
        let polygon = "[\(Self.square(0, 0, 10)),\(Self.square(2, 2, 2))],[\(Self.square(20, 0, 5))]"
        let map = try Self.parse(Self.collection([
            "{\"type\":\"Feature\",\"properties\":{\"code\":101},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[\(polygon)]}}",
        ]), property: "code")
        #expect(map.shapes.map(\.unit) == ["101"])
        #expect(map.shapes[0].rings.count == 3)
        #expect(map.coordinateSystem == .wgs84)
    }

    @Test func notJSONAndNotAFeatureCollectionAreRefused() {
        #expect(Self.problems("{\"type\": ").first?.contains("map file: not valid JSON") == true)
        #expect(Self.problems("{\"type\":\"Feature\",\"geometry\":null}") == [
            "map file: expected a GeoJSON FeatureCollection ({\"type\": \"FeatureCollection\", \"features\": [...]}), got the text 'Feature'"])
        #expect(Self.problems("[1,2]").first?.hasSuffix("got a list") == true)
        #expect(Self.problems("{\"type\":\"FeatureCollection\"}") == ["map file: the FeatureCollection has no list 'features', got nothing"])
        #expect(Self.problems(Self.collection([])).first?.contains("has no features") == true)
    }

    @Test func aFeatureWithoutTheUnitPropertyIsNamedWithItsProperties() {
        let text = Self.collection([Self.feature("BU01", ring: Self.square(0, 0, 1))])
        let messages = Self.problems(text, property: "buurt_code")
        #expect(messages == ["map file: feature 1 of 1 has no property 'buurt_code' with the unit code (text or a number); did you mean 'buurtcode'?; "
            + "set map: {file: …, property: …} to the property that holds the codes of the data's unit column"])
    }

    @Test func duplicateUnitCodesAreRefused() {
        let messages = Self.problems(Self.collection([Self.feature("BU01", ring: Self.square(0, 0, 1)), Self.feature("BU01", ring: Self.square(1, 0, 1))]))
        #expect(messages == ["map file: feature 2 of 2 (buurtcode 'BU01'): the unit code 'BU01' is also that of feature 1; each unit needs exactly one feature (merge its parts into one MultiPolygon)"])
    }

    @Test func unsupportedGeometryIsRefused() {
        let point = "{\"type\":\"Feature\",\"properties\":{\"buurtcode\":\"BU01\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[5,51]}}"
        #expect(Self.problems(Self.collection([point])) == [
            "map file: feature 1 of 1 (buurtcode 'BU01') has geometry type the text 'Point'; only Polygon and MultiPolygon can be drawn as areas"])
        let none = "{\"type\":\"Feature\",\"properties\":{\"buurtcode\":\"BU01\"},\"geometry\":null}"
        #expect(Self.problems(Self.collection([none])) == ["map file: feature 1 of 1 (buurtcode 'BU01') has no geometry; expected a Polygon or MultiPolygon"])
    }

    @Test func shortAndOpenRingsAreRefused() {
        #expect(Self.problems(Self.collection([Self.feature("BU01", ring: "[[0,0],[1,0],[0,0]]")])) == [
            "map file: ring 1 of feature 1 of 1 (buurtcode 'BU01') has 3 positions; a ring needs at least 4 (a triangle and its first position again)"])
        #expect(Self.problems(Self.collection([Self.feature("BU01", ring: "[[0,0],[1,0],[1,1],[0,1]]")])) == [
            "map file: ring 1 of feature 1 of 1 (buurtcode 'BU01') is not closed: its last position [0, 1] differs from its first [0, 0]; repeat the first position at the end"])
    }

    @Test func nonNumericCoordinatesAreRefused() {
        #expect(Self.problems(Self.collection([Self.feature("BU01", ring: "[[0,0],[1,\"a\"],[1,1],[0,0]]")])) == [
            "map file: ring 1 of feature 1 of 1 (buurtcode 'BU01'), position 2: expected [x, y] with two numbers, got [1, the text 'a']"])
        #expect(Self.problems(Self.collection([Self.feature("BU01", ring: "[[0,0],[1],[1,1],[0,0]]")])).first?.hasSuffix("got a list of 1 value") == true)
    }

    @Test func coordinatesOutsideBothSystemsOrMixedAreRefused() {
        let far = Self.problems(Self.collection([Self.feature("BU01", ring: Self.square(400_000, 100, 10))]))
        #expect(far == ["map file: the coordinates are neither WGS84 nor RD New: [400000, 100] in feature 1 of 1 (buurtcode 'BU01'); "
            + "expected WGS84 longitude/latitude (within ±180 and ±90 degrees) or RD New (EPSG:28992: x 0 to 300000, y 300000 to 625000 metres)"])
        let mixed = Self.problems(Self.collection([Self.feature("BU01", ring: Self.square(5.9, 50.8, 0.1)),
                                                   Self.feature("BU02", ring: Self.square(196_000, 320_000, 500))]))
        #expect(mixed.count == 1)
        #expect(mixed.first?.contains("mix WGS84 and RD New: [5.9, 50.8] in feature 1 of 2 (buurtcode 'BU01') is WGS84 but [196000, 320000] in feature 2 of 2 (buurtcode 'BU02') is RD New") == true)
    }

    @Test func deepNestingIsRefusedBeforeDecoding() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(Self.problems(deep) == ["map file: lists and objects are nested 100000 deep; a GeoJSON map needs at most 32 (is this a GeoJSON FeatureCollection?)"])
        // Brackets inside strings do not count.
        let text = Self.collection([Self.feature("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", ring: Self.square(0, 0, 1))])
        #expect(Self.problems(text).isEmpty)
    }

    @Test func tooManyPositionsAreRefused() throws {
        // Two rings of 6 positions under a limit of 10 (the file's limit is GeoJSONMap.positionLimit).
        let ring = "[[0,0],[1,0],[2,0],[2,1],[1,1],[0,0]]"
        let text = Self.collection([Self.feature("BU01", ring: ring), Self.feature("BU02", ring: ring)])
        #expect(throws: BuurtErrors([BuurtError(.data, "map file: more than 10 positions in all (at ring 1 of feature 2 of 2 (buurtcode 'BU02')); simplify the shapes",
                                                at: SourceLocation(file: "buurten.geojson"))])) {
            try GeoJSONMap.parse(Data(text.utf8), file: "buurten.geojson", property: "buurtcode", positionLimit: 10)
        }
        #expect(try GeoJSONMap.parse(Data(text.utf8), file: "buurten.geojson", property: "buurtcode", positionLimit: 12).shapes.count == 2)
        #expect(GeoJSONMap.positionLimit == 4_000_000)
    }

    @Test func aMissingFileIsMissingInputNamingTheModelKey() {
        let spec = MapSpec(declaredFile: "none.geojson", path: "/nonexistent/none.geojson")
        #expect {
            _ = try GeoJSONMap.load(spec, origin: "named by 'map:' at model.yml:3:6")
        } throws: { error in
            let problem = (error as? BuurtErrors)?.problems.first
            return problem?.kind == .missingInput && problem?.message == "cannot read the map file: map file not found (named by 'map:' at model.yml:3:6)"
        }
    }
}

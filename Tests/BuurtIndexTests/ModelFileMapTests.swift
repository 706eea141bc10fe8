import Testing
import BuurtIndex

/// The model key `map:`: both forms, the default property, refused forms located, canonical form.
@Suite struct ModelFileMapTests {
    static func parse(_ extra: String) throws -> ModelFile {
        try ModelFile.parse(ModelFileErrorTests.base + extra, file: "models/model.yml", baseDirectory: "models")
    }

    @Test func aPathIsResolvedLikeDataWithTheDefaultProperty() throws {
        let map = try #require(try Self.parse("map: buurten.geojson\n").map)
        #expect(map == MapSpec(declaredFile: "buurten.geojson", path: "models/buurten.geojson", property: "buurtcode"))
    }

    @Test func aMappingNamesTheFileAndTheProperty() throws {
        let map = try #require(try Self.parse("map: {file: /maps/b.geojson, property: BU_CODE}\n").map)
        #expect(map == MapSpec(declaredFile: "/maps/b.geojson", path: "/maps/b.geojson", property: "BU_CODE"))
        #expect(try Self.parse("").map == nil)
    }

    @Test func badFormsAreLocated() {
        let base = ModelFileErrorTests.base
        ModelFileErrorTests.expectProblem(base + "map: {file: b.geojson, propery: code}\n", "unknown key 'propery' in 'map'; did you mean 'property'?", at: "propery")
        ModelFileErrorTests.expectProblem(base + "map: {property: code}\n", "map needs 'file': the path of the GeoJSON file", at: "{property")
        ModelFileErrorTests.expectProblem(base + "map: [a.geojson]\n", "map must be the path of a GeoJSON file (map: buurten.geojson) or {file: buurten.geojson, property: buurtcode}, got a list", at: "[a")
        ModelFileErrorTests.expectProblem(base + "map: \" \"\n", "the file of map is empty", at: "\" \"")
        ModelFileErrorTests.expectProblem(base + "map: {file: b.geojson, property: \"\"}\n", "property of map is empty", at: "\"\"")
        ModelFileErrorTests.expectProblem(base + "maps: b.geojson\n", "unknown key 'maps' in the model file; did you mean 'map'?", at: "maps")
    }

    @Test func theCanonicalFormRecordsTheFileAsWrittenAndTheProperty() throws {
        let canonical = try Self.parse("map: buurten.geojson\n").canonicalForm()
        #expect(canonical.contains("\"map\": {\n    \"file\": \"buurten.geojson\",\n    \"property\": \"buurtcode\"\n  }"))
        #expect(!(try Self.parse("").canonicalForm()).contains("\"map\""))
        #expect(try Self.parse("map: {file: buurten.geojson}\n").canonicalForm() == canonical)
    }
}

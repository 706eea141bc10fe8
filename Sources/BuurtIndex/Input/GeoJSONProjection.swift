import Foundation

/// Recognises the coordinate system of a map file from its coordinates and projects them to
/// metres (``GeoJSONMap``): RD New as it is, WGS84 by x = R·λ·cos φ̄, y = R·φ (equirectangular,
/// φ̄ the middle of the latitude range).
struct GeoJSONProjection {
    /// Mean Earth radius in metres (IUGG).
    static let earthRadius = 6_371_008.8

    let system: GeoJSONMap.CoordinateSystem
    /// R·cos φ̄·π/180 and R·π/180 for WGS84; 1 and 1 for RD New.
    let xScale: Double
    let yScale: Double

    static func isWGS84(_ x: Double, _ y: Double) -> Bool { abs(x) <= 180 && abs(y) <= 90 }
    static func isRDNew(_ x: Double, _ y: Double) -> Bool { (0...300_000).contains(x) && (300_000...625_000).contains(y) }

    /// Why the walk's coordinates are neither all WGS84 nor all RD New, or `nil` when they are one of them.
    static func detectionProblem(_ walk: GeoJSONFeatureWalk) -> String? {
        if walk.firstOutsideWGS84 == nil || walk.firstOutsideRD == nil { return nil }
        let expected = "expected WGS84 longitude/latitude (within ±180 and ±90 degrees) or RD New (EPSG:28992: x 0 to 300000, y 300000 to 625000 metres)"
        func at(_ p: (feature: String, x: Double, y: Double)) -> String { "[\(formatNumber(p.x)), \(formatNumber(p.y))] in \(p.feature)" }
        if let both = walk.firstOutsideBoth {
            return "map file: the coordinates are neither WGS84 nor RD New: \(at(both)); \(expected)"
        }
        return "map file: the coordinates mix WGS84 and RD New: \(at(walk.firstOutsideRD!)) is WGS84 but \(at(walk.firstOutsideWGS84!)) is RD New; \(expected), one for the whole file"
    }

    /// The projection of the walk's coordinates (which ``detectionProblem(_:)`` accepted).
    init(_ walk: GeoJSONFeatureWalk) {
        if walk.firstOutsideWGS84 == nil {
            var south = Double.infinity, north = -Double.infinity
            for shape in walk.shapes {
                for ring in shape.rings {
                    for p in ring {
                        south = min(south, p.y)
                        north = max(north, p.y)
                    }
                }
            }
            let middle = (south + north) / 2 * .pi / 180
            system = .wgs84
            yScale = Self.earthRadius * .pi / 180
            xScale = yScale * cos(middle)
        } else {
            system = .rdNew
            xScale = 1
            yScale = 1
        }
    }

    func project(_ shape: GeoJSONMap.Shape) -> GeoJSONMap.Shape {
        guard system == .wgs84 else { return shape }
        return GeoJSONMap.Shape(unit: shape.unit, rings: shape.rings.map { ring in
            ring.map { GeoJSONMap.Point(x: $0.x * xScale, y: $0.y * yScale) }
        })
    }
}

/// The repository's demo model, `datasets/demo/model.yml`, as a path.
public let demoModel = Fixtures.projectRoot.appendingPathComponent("datasets/demo/model.yml").path

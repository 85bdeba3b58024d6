// The umbrella module: `import ZhText` gives the public API of every stage.
@_exported import ZhTextCore
@_exported import ZhTextNormalize
@_exported import ZhTextSegment
@_exported import ZhTextFacts
@_exported import ZhTextEntities
@_exported import ZhTextKeywords
@_exported import ZhTextPipeline
@_exported import ZhTextBatch

import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline
/// The mergeable totals of a batch: every count needed to rebuild the
/// summary, keyword, entity and term outputs. `merge` is associative, so
/// partial summaries from many runs or machines combine into the one a
/// single run over all their inputs would have made.
///
/// Per-document records (documents.jsonl lines and facts.csv rows) are kept
/// beside the summary in the state file, not in it, so memory does not
/// grow with the batch.
public struct CorpusSummary: Sendable, Codable, Equatable {
    /// Inputs seen: documents plus failures.
    public var inputs = 0
    public var documents = 0
    /// Unicode scalars of the decoded original texts.
    public var characters = 0
    /// Bytes read.
    public var bytes = 0
    public var failures: [InputFailure] = []
    public var encodings: [String: Int] = [:]
    public var scripts: [String: Int] = [:]
    /// Content words: how often, in how many documents, with which POS.
    package var keywords = KeywordCounts()
    /// The normalized texts new terms are discovered in: the documents in
    /// input order up to `termSampleLimit` scalars (n-gram statistics of a
    /// whole large batch would not fit in memory).
    public var termSample: [String] = []
    public var termSampleScalars = 0
    public static let termSampleLimit = 400_000
    public var entities: [String: EntityCount] = [:]
    public var factsByKind: [String: Int] = [:]
    /// The first documents' metadata, for the HTML report.
    public var sampleDocuments: [SampledDocument] = []
    /// The first facts of each kind, with their document, for the HTML report.
    public var sampleFacts: [String: [SampledFact]] = [:]

    public static let sampleDocumentLimit = 200
    public static let sampleFactLimit = 40

    public init() {}

    /// Counts of one entity, keyed by `EntityCount.key(type:name:)`.
    public struct EntityCount: Sendable, Codable, Equatable {
        /// Its key in `entities`: `type TAB name`.
        package static func key(type: String, name: String) -> String { type + "\t" + name }

        public var type: String
        public var name: String
        public var count: Int
        public var documents: Int
        /// Index of the first document that names it, in input order.
        public var firstIndex: Int
        public var firstDocument: String
        public var firstLine: Int

        public init(type: String, name: String, count: Int, documents: Int, firstIndex: Int,
                    firstDocument: String, firstLine: Int) {
            self.type = type; self.name = name; self.count = count; self.documents = documents
            self.firstIndex = firstIndex; self.firstDocument = firstDocument; self.firstLine = firstLine
        }

        /// Coded as an array `[type, name, count, documents, firstIndex,
        /// firstDocument, firstLine]`: a batch has thousands, and keyed
        /// objects made the state's summary line several times slower to
        /// write (`analyze --jobs 1` row of Benchmarks/run.sh).
        public init(from decoder: any Swift.Decoder) throws {
            var c = try decoder.unkeyedContainer()
            type = try c.decode(String.self)
            name = try c.decode(String.self)
            count = try c.decode(Int.self)
            documents = try c.decode(Int.self)
            firstIndex = try c.decode(Int.self)
            firstDocument = try c.decode(String.self)
            firstLine = try c.decode(Int.self)
        }

        public func encode(to encoder: any Swift.Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(type); try c.encode(name); try c.encode(count); try c.encode(documents)
            try c.encode(firstIndex); try c.encode(firstDocument); try c.encode(firstLine)
        }
    }

    /// Adds `other`, whose documents come after this summary's.
    /// - Complexity: O(size of `other`).
    public mutating func merge(_ other: CorpusSummary) {
        let offset = documents
        inputs += other.inputs
        documents += other.documents
        characters += other.characters
        bytes += other.bytes
        failures += other.failures
        for (k, v) in other.encodings { encodings[k, default: 0] += v }
        for (k, v) in other.scripts { scripts[k, default: 0] += v }
        keywords.merge(other.keywords)
        for text in other.termSample { addToTermSample(text) }
        for (k, v) in other.entities {
            if var mine = entities[k] {
                mine.count += v.count
                mine.documents += v.documents
                entities[k] = mine
            } else {
                var moved = v
                moved.firstIndex += offset
                entities[k] = moved
            }
        }
        for (k, v) in other.factsByKind { factsByKind[k, default: 0] += v }
        sampleDocuments += other.sampleDocuments.prefix(max(0, Self.sampleDocumentLimit - sampleDocuments.count))
        for (k, v) in other.sampleFacts {
            let have = sampleFacts[k, default: []]
            sampleFacts[k] = have + v.prefix(max(0, Self.sampleFactLimit - have.count))
        }
    }

    /// Adds one analyzed document, which comes after all documents so far.
    public mutating func add(_ d: DocumentAnalysis) {
        var tally = EntityTally()
        add(d, tallying: &tally)
        tally.finish(into: &self)
    }

    /// `add(d)` with the document's entities counted in `tally` (whose
    /// counts go into `entities` by `EntityTally.finish(into:)`).
    package mutating func add(_ d: DocumentAnalysis, tallying tally: inout EntityTally) {
        let index = documents
        inputs += 1
        documents += 1
        characters += d.characters
        bytes += d.bytes
        encodings[d.encoding, default: 0] += 1
        scripts[d.script.rawValue, default: 0] += 1
        keywords.merge(d.keywordCounts)
        if termSampleScalars < Self.termSampleLimit { addToTermSample(d.bodyScalars) }
        // Facts are counted by kind in a small array first: a document has
        // dozens of facts and few kinds, and every key of the summary's
        // tables is a string to hash. (By index: `for fact in d.facts`
        // copied every fact, strings and all.)
        var perKind = [Int](repeating: 0, count: Fact.Kind.all.count)
        for i in d.facts.indices { perKind[d.facts[i].kind.index] += 1 }
        // Room left among each kind's samples (some kinds stay short of the
        // limit all along: their samples are looked up only when one is added).
        var room = [Int](repeating: 0, count: Fact.Kind.all.count)
        for (kind, n) in zip(Fact.Kind.all, perKind) where n > 0 {
            factsByKind[kind.rawValue, default: 0] += n
            room[kind.index] = Self.sampleFactLimit - (sampleFacts[kind.rawValue]?.count ?? 0)
        }
        if room.contains(where: { $0 > 0 }) {
            for fact in d.facts where room[fact.kind.index] > 0 {
                room[fact.kind.index] -= 1
                sampleFacts[fact.kind.rawValue, default: []].append(SampledFact(document: d.id, fact: fact))
            }
        }
        if sampleDocuments.count < Self.sampleDocumentLimit {
            sampleDocuments.append(SampledDocument(d))
        }
        tally.add(d, index: index)
    }

    private mutating func addToTermSample(_ text: String) {
        addToTermSample(Array(text.unicodeScalars)[...])
    }

    /// Adds `scalars`, or as many as the sample has room for, as one text
    /// (a document's body comes with its scalars: no string to count again).
    private mutating func addToTermSample(_ scalars: ArraySlice<Unicode.Scalar>) {
        let room = Self.termSampleLimit - termSampleScalars
        guard room > 0 else { return }
        let taken = scalars.prefix(room)
        termSample.append(String(scalars: taken))
        termSampleScalars += taken.count
    }

    /// Adds an input that failed.
    public mutating func addFailure(_ f: InputFailure) {
        inputs += 1
        failures.append(f)
    }
}

/// Coded with the fields' own names, except `entities`: an array of
/// `EntityCount` arrays in code-point order of `type TAB name` (the
/// dictionary's key, rebuilt when read). A batch has thousands of entities,
/// and a dictionary's keys are boxed and sorted one by one by
/// `JSONEncoder` (`analyze --jobs 1` row of Benchmarks/run.sh).
extension CorpusSummary {
    enum CodingKeys: String, CodingKey {
        case inputs, documents, characters, bytes, failures, encodings, scripts, keywords
        case termSample, termSampleScalars, entities, factsByKind, sampleDocuments, sampleFacts
    }

    public init(from decoder: any Swift.Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try c.decode(Int.self, forKey: .inputs)
        documents = try c.decode(Int.self, forKey: .documents)
        characters = try c.decode(Int.self, forKey: .characters)
        bytes = try c.decode(Int.self, forKey: .bytes)
        failures = try c.decode([InputFailure].self, forKey: .failures)
        encodings = try c.decode([String: Int].self, forKey: .encodings)
        scripts = try c.decode([String: Int].self, forKey: .scripts)
        keywords = try c.decode(KeywordCounts.self, forKey: .keywords)
        termSample = try c.decode([String].self, forKey: .termSample)
        termSampleScalars = try c.decode(Int.self, forKey: .termSampleScalars)
        let list = try c.decode([EntityCount].self, forKey: .entities)
        entities = Dictionary(list.map { (EntityCount.key(type: $0.type, name: $0.name), $0) }, uniquingKeysWith: { a, _ in a })
        factsByKind = try c.decode([String: Int].self, forKey: .factsByKind)
        sampleDocuments = try c.decode([SampledDocument].self, forKey: .sampleDocuments)
        sampleFacts = try c.decode([String: [SampledFact]].self, forKey: .sampleFacts)
    }

    public func encode(to encoder: any Swift.Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(documents, forKey: .documents)
        try c.encode(characters, forKey: .characters)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(failures, forKey: .failures)
        try c.encode(encodings, forKey: .encodings)
        try c.encode(scripts, forKey: .scripts)
        try c.encode(keywords, forKey: .keywords)
        try c.encode(termSample, forKey: .termSample)
        try c.encode(termSampleScalars, forKey: .termSampleScalars)
        let list = entities.map { (key: Array($0.key.utf8), value: $0.value) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value)
        try c.encode(list, forKey: .entities)
        try c.encode(factsByKind, forKey: .factsByKind)
        try c.encode(sampleDocuments, forKey: .sampleDocuments)
        try c.encode(sampleFacts, forKey: .sampleFacts)
    }
}

/// A document's metadata as the report lists it.
public struct SampledDocument: Sendable, Codable, Equatable {
    public var id: String
    public var path: String
    public var title: String?
    public var date: String?
    public var time: String?
    public var source: String?
    public var encoding: String
    public var script: String
    public var characters: Int
    public var factCount: Int
    public var entityCount: Int

    /// Coded as an array `[id, path, title, date, time, source, encoding,
    /// script, characters, fact_count, entity_count]`, as `SampledFact` is.
    public init(from decoder: any Swift.Decoder) throws {
        var c = try decoder.unkeyedContainer()
        id = try c.decode(String.self); path = try c.decode(String.self)
        title = try c.decode(String?.self); date = try c.decode(String?.self)
        time = try c.decode(String?.self); source = try c.decode(String?.self)
        encoding = try c.decode(String.self); script = try c.decode(String.self)
        characters = try c.decode(Int.self); factCount = try c.decode(Int.self); entityCount = try c.decode(Int.self)
    }

    public func encode(to encoder: any Swift.Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(id); try c.encode(path); try c.encode(title); try c.encode(date)
        try c.encode(time); try c.encode(source); try c.encode(encoding); try c.encode(script)
        try c.encode(characters); try c.encode(factCount); try c.encode(entityCount)
    }

    public init(_ d: DocumentAnalysis) {
        id = d.id; path = d.path; title = d.title; date = d.date; time = d.time; source = d.source
        encoding = d.encoding; script = d.script.rawValue; characters = d.characters
        factCount = d.facts.count; entityCount = d.entities.count
    }
}

/// A fact with the document it is in, as the report lists it.
public struct SampledFact: Sendable, Codable, Equatable {
    public var document: String
    public var fact: Fact

    public init(document: String, fact: Fact) {
        self.document = document
        self.fact = fact
    }

    /// Coded as an array `[document, kind, value, unit, qualifier, range_to,
    /// change, subject, year_inferred, text, original, line, column, start,
    /// end, sentence]` (absent fields `null`): keyed objects have their keys
    /// sorted one by one by `JSONEncoder`, which made the summary line
    /// several times slower to write (`analyze --jobs 1` row of
    /// Benchmarks/run.sh).
    public init(from decoder: any Swift.Decoder) throws {
        var c = try decoder.unkeyedContainer()
        document = try c.decode(String.self)
        let kind = try c.decode(Fact.Kind.self)
        let value = try c.decode(Fact.Value.self)
        let unit = try c.decode(String.self)
        let qualifier = try c.decode(Fact.Qualifier?.self)
        let rangeTo = try c.decode(Fact.Value?.self)
        let change = try c.decode(Fact.Change?.self)
        let subject = try c.decode(String?.self)
        let yearInferred = try c.decode(Bool?.self)
        let text = try c.decode(String.self)
        let original = try c.decode(String.self)
        let line = try c.decode(Int.self)
        let column = try c.decode(Int.self)
        let start = try c.decode(Int.self)
        let end = try c.decode(Int.self)
        let sentence = try c.decode(String.self)
        fact = Fact(kind: kind, value: value, unit: unit, qualifier: qualifier, rangeTo: rangeTo, change: change,
                    subject: subject, yearInferred: yearInferred, text: text, original: original,
                    line: line, column: column, start: start, end: end, sentence: sentence)
    }

    public func encode(to encoder: any Swift.Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(document)
        try c.encode(fact.kind); try c.encode(fact.value); try c.encode(fact.unit)
        try c.encode(fact.qualifier); try c.encode(fact.rangeTo); try c.encode(fact.change)
        try c.encode(fact.subject); try c.encode(fact.yearInferred)
        try c.encode(fact.text); try c.encode(fact.original)
        try c.encode(fact.line); try c.encode(fact.column); try c.encode(fact.start); try c.encode(fact.end)
        try c.encode(fact.sentence)
    }
}

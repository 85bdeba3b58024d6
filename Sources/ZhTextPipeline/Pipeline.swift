import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords

/// One document's results, ready to be folded into a `CorpusSummary` and
/// written as a line of documents.jsonl and rows of facts.csv (see
/// `DocumentRecord`).
public struct DocumentAnalysis: Sendable {
    public var id: String
    public var path: String
    public var title: String?
    public var date: String?
    public var time: String?
    public var source: String?
    public var author: String?
    public var url: String?
    public var encoding: String
    public var script: Script
    /// Unicode scalars of the decoded original text.
    public var characters: Int
    public var bytes: Int
    /// Invalid byte sequences replaced with U+FFFD.
    public var substitutions: Int
    /// Content words of the body, counted for the corpus keyword report.
    package var keywordCounts: KeywordCounts
    /// The normalized body (for new-term discovery over a sample), kept as
    /// scalars: most documents come after the sample is full and never need
    /// it as a string.
    public var bodyScalars: ArraySlice<Unicode.Scalar>
    /// The segmenter's words of the body, offsets as in `bodyScalars` (new-term
    /// discovery reuses them for the documents of its sample).
    public var bodyWords: ArraySlice<Word> = []
    /// The normalized body text.
    public var normalizedText: String { String(scalars: bodyScalars) }
    /// The document's keywords, most weighty first.
    public var keywords: [Keyword]
    public var facts: [Fact]
    public var entities: [Entity]

    package init(id: String, path: String, title: String? = nil, date: String? = nil, time: String? = nil,
                source: String? = nil, author: String? = nil, url: String? = nil, encoding: String, script: Script,
                characters: Int, bytes: Int, substitutions: Int = 0, keywordCounts: KeywordCounts = KeywordCounts(),
                bodyScalars: ArraySlice<Unicode.Scalar>, bodyWords: ArraySlice<Word> = [],
                keywords: [Keyword] = [], facts: [Fact] = [], entities: [Entity] = []) {
        self.id = id; self.path = path; self.title = title; self.date = date; self.time = time
        self.source = source; self.author = author; self.url = url; self.encoding = encoding; self.script = script
        self.characters = characters; self.bytes = bytes; self.substitutions = substitutions
        self.keywordCounts = keywordCounts; self.bodyScalars = bodyScalars; self.bodyWords = bodyWords
        self.keywords = keywords; self.facts = facts; self.entities = entities
    }
}

/// Why a document could not be analyzed.
public struct DocumentFailure: Error, Sendable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Composes the stages for one document: decode → normalize → segment →
/// extract. Built once and shared by all threads.
public struct Pipeline: Sendable {
    public struct Options: Sendable {
        public var encoding: String?
        public var normalizer = Normalizer.Options()
        public var segmenter = Segmenter.Options()
        /// Keywords kept per document.
        public var keywordsPerDocument = 10
        /// Documents larger than this many bytes fail instead of being read.
        public var maxDocumentBytes = 64 << 20
        /// Where the data files are (nil: `DataDirectory`'s search). Given,
        /// it becomes the data directory of the whole process.
        public var dataDirectory: URL? = nil
        public init() {}
    }

    public let options: Options
    public let decoder: TextDecoder
    public let normalizer: Normalizer
    public let segmenter: Segmenter
    public let keywords: KeywordExtractor
    public let facts: FactExtractor
    public let entities: EntityRecognizer

    public init(options: Options) throws {
        self.options = options
        if let directory = options.dataDirectory { DataDirectory.use(directory) }
        decoder = try TextDecoder(encoding: options.encoding)
        // The normalizer and the keyword and fact tables load on threads of
        // their own while the segmenter, then the entity recognizer that
        // reads its words, load on this one.
        let normalizerOptions = options.normalizer
        let conversion = BackgroundTask { Result { try Normalizer(options: normalizerOptions) } }
        let keywordTables = BackgroundTask { Result { try KeywordExtractor.load() } }
        let factTables = BackgroundTask { Result { try FactExtractor.load() } }
        segmenter = try Segmenter.load(options.segmenter)
        entities = try EntityRecognizer.load(segmenter: segmenter)
        normalizer = try conversion.value.get()
        keywords = try keywordTables.value.get()
        facts = try factTables.value.get()
    }

    /// Reads and analyzes one document source.
    public func analyze(_ source: DocumentSource) -> Result<DocumentAnalysis, DocumentFailure> {
        let path: String, id: String, decoded: DecodedText, bytes: Int
        var given: JSONLRecord? = nil
        switch source {
        case .file(let p):
            path = p; id = p
            do {
                let data = try readFile(p)
                bytes = data.count
                decoded = try decoder.decode(data)
            } catch {
                return .failure(DocumentFailure(path: p, reason: "\(error)"))
            }
        case .bytes(let name, let data):
            path = name; id = name; bytes = data.count
            guard data.count <= options.maxDocumentBytes else {
                return .failure(DocumentFailure(path: name, reason: tooLarge(data.count)))
            }
            do { decoded = try decoder.decode(data) }
            catch { return .failure(DocumentFailure(path: name, reason: "\(error)")) }
        case .record(let r):
            path = r.location; id = r.id
            bytes = r.data?.count ?? r.text?.utf8.count ?? 0
            guard bytes <= options.maxDocumentBytes else {
                return .failure(DocumentFailure(path: r.location, reason: tooLarge(bytes)))
            }
            if let data = r.data {
                do { decoded = try decoder.decode(data) }
                catch { return .failure(DocumentFailure(path: r.location, reason: "\(error)")) }
            } else {
                decoded = DecodedText(text: r.text ?? "", encoding: "UTF-8", substitutions: 0)
            }
            given = r
        }
        if decoded.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            return .failure(DocumentFailure(path: path, reason: "empty document (no text)"))
        }
        var analysis = analyze(text: decoded.text, id: id, path: path, encoding: decoded.encoding)
        analysis.bytes = bytes
        analysis.substitutions = decoded.substitutions
        if let r = given {
            analysis.title = r.title ?? analysis.title
            analysis.date = r.date ?? analysis.date
            analysis.source = r.source ?? analysis.source
            analysis.url = r.url
        }
        return .success(analysis)
    }

    /// Analyzes decoded text.
    public func analyze(text: String, id: String, path: String, encoding: String) -> DocumentAnalysis {
        let normalized = normalizer.normalize(text)
        let metadata = DocumentMetadata(normalized)
        let words = segmenter.words(normalized.scalars)
        let posNames = segmenter.lexicon.posNames
        // Header boilerplate (share buttons, font size, source line) is not body text.
        let body = words.drop { Int($0.start) < metadata.bodyStart }
        var counts = KeywordCounts()
        counts.add(document: body, of: normalized.scalars, posNames: posNames, filter: keywords.filter)
        let found = facts.extract(from: normalized, words: words, posNames: posNames, metadata: metadata)
        let named = entities.recognize(normalized, words: words)
        let ranked = keywords.options.method == .tfidf
            ? keywords.tfidf(counts, top: options.keywordsPerDocument)
            : keywords.extract(from: Array(body), in: normalized.scalars, posNames: posNames, top: options.keywordsPerDocument)
        return DocumentAnalysis(
            id: id, path: path, title: metadata.title, date: metadata.date?.iso, time: metadata.time,
            source: metadata.source, author: metadata.author, url: nil,
            encoding: encoding, script: normalized.script, characters: normalized.original.count,
            bytes: text.utf8.count, substitutions: 0,
            keywordCounts: counts, bodyScalars: normalized.scalars[min(metadata.bodyStart, normalized.scalars.count)...],
            bodyWords: body,
            keywords: ranked, facts: found, entities: named)
    }

    private func readFile(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DecodeError.unreadable(String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        if size > UInt64(options.maxDocumentBytes) { throw DocumentFailure(path: path, reason: tooLarge(Int(size))) }
        try handle.seek(toOffset: 0)
        return [UInt8](try handle.readToEnd() ?? Data())
    }

    private func tooLarge(_ n: Int) -> String {
        "document too large (\(n) bytes; the limit is \(options.maxDocumentBytes), see --max-document-size)"
    }
}

extension DocumentFailure: CustomStringConvertible {
    public var description: String { reason }
}

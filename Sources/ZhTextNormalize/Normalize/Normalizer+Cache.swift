import Foundation
import ZhTextCore

/// Tables shared by every `Normalizer` of a process, loaded on first use.
package final class NormalizerCache: @unchecked Sendable {
    package static let shared = NormalizerCache()
    private let lock = NSLock()
    private var tables: [[URL]: ConversionTable] = [:]
    private var pinyin: PinyinMatcher?
    private var scripts: ScriptClassifier?

    package func value<T>(_ get: (NormalizerCache) -> T?, _ set: (NormalizerCache, T) -> Void, _ load: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        if let v = get(self) { return v }
        let v = try load()
        set(self, v)
        return v
    }

    package func table(_ urls: [URL]) throws -> ConversionTable {
        try value({ $0.tables[urls] }, { $0.tables[urls] = $1 }) { try ConversionTable(contentsOf: urls) }
    }
    package func pinyinMatcher() throws -> PinyinMatcher {
        try value({ $0.pinyin }, { $0.pinyin = $1 }) { try PinyinMatcher(contentsOf: DataDirectory.file("pinyin-syllables.txt")) }
    }
    package func scriptClassifier() throws -> ScriptClassifier {
        try value({ $0.scripts }, { $0.scripts = $1 }) { try ScriptClassifier(contentsOf: DataDirectory.file("t2s.script.txt")) }
    }
}

extension Normalizer {
    package static func cachedTable(_ urls: [URL]) throws -> ConversionTable { try NormalizerCache.shared.table(urls) }
    package static func cachedPinyin() throws -> PinyinMatcher { try NormalizerCache.shared.pinyinMatcher() }
    package static func cachedScripts() throws -> ScriptClassifier { try NormalizerCache.shared.scriptClassifier() }
}

import ClayScan
import Foundation
import Testing

/// The scripts embedded in the binary must be the ones in hooks/, which people read and review.
@Suite struct HookScriptsTests {
    static let hooksFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("hooks")

    @Test(arguments: HookKind.allCases)
    func embeddedTextEqualsTheFileInHooks(hook: HookKind) throws {
        let file = Self.hooksFolder.appendingPathComponent(hook.rawValue)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(
            HookScripts.template(for: hook) == text, "hooks/\(hook.rawValue) and HookScripts differ"
        )
        #expect(FileManager.default.isExecutableFile(atPath: file.path))
    }

    @Test(arguments: HookKind.allCases)
    func everyScriptIsMarkedFailsClosedAndNamesNoVerify(hook: HookKind) {
        let text = HookScripts.template(for: hook)
        #expect(text.hasPrefix("#!/bin/sh\n"))
        #expect(text.contains(HookInstaller.marker + " " + hook.rawValue))
        #expect(text.contains("--no-verify"))
        #expect(text.contains(hook.rawValue + HookInstaller.keptSuffix))
        #expect(!text.contains("unset "), "the hook must leave GIT_INDEX_FILE and the rest alone")
    }

    @Test func theRecordedPathIsQuotedForSh() {
        let script = HookScripts.script(for: .preCommit, executable: "/opt/it's here/clay-guard")
        #expect(script.contains(#"recorded='/opt/it'\''s here/clay-guard'"#))
        #expect(!script.contains(HookScripts.pathPlaceholder))
    }
}

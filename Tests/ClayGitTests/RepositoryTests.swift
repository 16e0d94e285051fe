import TestSupport
import Testing

@testable import ClayGit

@Suite struct ObjectIDTests {
    @Test func roundTripsHex() throws {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.description == hex)
        #expect(ObjectID(hex: "xyz") == nil)
        #expect(ObjectID(hex: String(repeating: "0", count: 40))?.isZero == true)
    }
}

@Suite struct RepositoryTests {
    @Test func reportsStagedChangesAgainstTheEmptyTreeBeforeTheFirstCommit() throws {
        let fixture = try TestRepository()
        try fixture.write("a.txt", "hello\n")
        try fixture.git(["add", "a.txt"])
        let repository = try Repository(path: fixture.path)
        #expect(try repository.headCommit() == nil)
        let changes = try repository.stagedChanges()
        #expect(changes.map(\.path) == ["a.txt"])
        #expect(changes.first?.oldBlob == nil)
    }

    @Test func addedLinesFollowGitsDiff() throws {
        let fixture = try TestRepository()
        try fixture.commit("a.txt", "one\ntwo\nthree\n")
        try fixture.write("a.txt", "one\nTWO\nthree\nfour\n")
        try fixture.git(["add", "a.txt"])
        let repository = try Repository(path: fixture.path)
        let change = try #require(try repository.stagedChanges().first)
        #expect(try repository.addedLines(old: change.oldBlob, new: change.newBlob) == [2...2, 4...4])
    }

    @Test func aPathOutsideAnyRepositoryIsNotARepository() throws {
        let fixture = try TestRepository(initialize: false)
        #expect(throws: GitError.notARepository(path: fixture.path)) {
            try Repository(path: fixture.path)
        }
    }

    @Test func walksEveryRefParentsFirst() throws {
        let fixture = try TestRepository()
        try fixture.commit("a.txt", "1\n")
        try fixture.commit("a.txt", "2\n")
        try fixture.git(["checkout", "-q", "-b", "side", "HEAD~1"])
        try fixture.commit("b.txt", "3\n")
        let repository = try Repository(path: fixture.path)
        let set = try repository.walk(WalkSpec(include: try repository.allTips())) { _, _ in }
        #expect(set.commits.count == 3)
        let order = set.commits.map(\.id)
        for (index, commit) in set.commits.enumerated() {
            for parent in commit.parents { #expect(order.firstIndex(of: parent)! < index) }
        }
    }

    @Test func introducedBlobsLeaveOutWhatAParentHad() throws {
        let fixture = try TestRepository()
        try fixture.commit("dir/a.txt", "1\n")
        try fixture.commit("dir/b.txt", "2\n")
        let repository = try Repository(path: fixture.path)
        let head = try repository.commit(try #require(try repository.headCommit()))
        let parent = try repository.commit(head.parents[0])
        let finder = IntroducedBlobFinder(repository: repository)
        let introduced = try finder.introduced(tree: head.tree, parentTrees: [parent.tree])
        #expect(introduced.map(\.path) == ["dir/b.txt"])
        #expect(try finder.allBlobs(tree: head.tree).map(\.path) == ["dir/a.txt", "dir/b.txt"])
    }
}

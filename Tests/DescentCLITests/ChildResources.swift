import Foundation

/// Runs a program and reports the peak memory (max RSS) of exactly that child, from `wait4`.
///
/// Foundation's `Process` reaps its child itself, so the resource usage is read here with
/// `posix_spawn` and `wait4`. Output goes to /dev/null.
enum ChildResources {
  struct Usage {
    var status: Int32
    /// Peak resident memory in bytes.
    var peakResidentBytes: Int
  }

  static func run(_ program: String, _ arguments: [String]) throws -> Usage {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    return Usage(status: status, peakResidentBytes: usage.ru_maxrss * 1024)
  }
}

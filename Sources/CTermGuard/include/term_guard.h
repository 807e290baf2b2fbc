/*
 * CTermGuard: puts the terminal back on every exit path curses does not cover by itself.
 *
 * Every catchable signal whose default action ends the process is handled. Requests to stop (SIGINT,
 * SIGTERM, SIGHUP, SIGQUIT, SIGUSR1/2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO,
 * SIGPWR, SIGSTKFLT, real-time signals; not those the parent set to be ignored) only record themselves;
 * the program loop polls tg_pending_signal(), calls endwin() and tg_reraise(). A second such signal, any
 * fault (SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGSYS) and exit() without endwin do an
 * emergency restore that uses
 * only async-signal-safe calls: write(2) of a precomputed terminfo sequence and tcsetattr(3) of the saved
 * termios. Crash signals then point stdin at /dev/null (see tg_set_detach_stdin_on_crash), run the
 * previously installed handler (the Swift backtracer) and die by the signal. SIGCONT (after Ctrl-Z
 * and fg) is only noted, for the program to re-send terminal modes curses does not restore. Everything here is C because a signal handler must be async-signal-safe.
 */
#ifndef DESCENT_TERM_GUARD_H
#define DESCENT_TERM_GUARD_H

/// Saves the current termios of stdin (call before newterm changes it).
void tg_save_termios(void);

/// Installs the quit and crash handlers and an atexit restore. Idempotent. Call before newterm so
/// ncurses keeps ours (it only installs its own SIGINT/SIGTERM handlers over SIG_DFL).
void tg_install_handlers(void);

/// Sets the bytes written to stdout by an emergency restore (e.g. rmcup cnorm sgr0 rmkx). Truncated at 255.
void tg_set_restore_sequence(const char *sequence);

/// Enables the emergency restore (after newterm succeeded).
void tg_arm(void);

/// Disables the emergency restore (after a normal endwin).
void tg_disarm(void);

/// Whether a crash while armed points stdin at /dev/null before running the previous handler (default 1).
/// The Swift backtracer decides at crash time whether to be interactive (stdin and stdout are terminals:
/// "Press space to interact…", a 30 s wait); SWIFT_BACKTRACE set with setenv() at run time is too late,
/// because the runtime reads it once at start-up.
void tg_set_detach_stdin_on_crash(int enabled);

/// 1 when armed.
int tg_is_armed(void);

/// 1 when `sig` is caught by the guard's handlers (tests).
int tg_is_handled(int sig);

/// The first quit signal received and not yet handled, or 0.
int tg_pending_signal(void);

/// 1 once after the process was continued (SIGCONT: Ctrl-Z, then fg), else 0.
int tg_take_continued(void);

/// Redirects stderr into `path` (created 0600, truncated), or into an unnamed temporary file when `path`
/// is NULL, while curses owns the screen. Never blocks: anything at `path` that is not a regular file
/// (a FIFO) is refused. Returns 0, or -1 (stderr left alone) on failure.
int tg_capture_stderr(const char *path);

/// 1 while stderr is captured.
int tg_is_capturing_stderr(void);

/// Puts stderr back and writes the captured text (at most its last 64 KiB) to it. Idempotent and
/// async-signal-safe.
void tg_release_stderr(void);

/// The async-signal-safe restore: restore sequence, saved termios, stderr. Does nothing unless armed.
void tg_emergency_restore(void);

/// Dies by `sig` with its default action (the shell then sees 128 + sig). Returns only if the
/// default action of `sig` is to ignore it.
void tg_reraise(int sig);

#endif

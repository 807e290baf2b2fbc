#include "term_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#ifndef O_TMPFILE
#define O_TMPFILE 0
#endif

enum { TG_REPLAY_LIMIT = 64 * 1024 };

static struct termios tg_saved_termios;
static volatile sig_atomic_t tg_have_termios;
static volatile sig_atomic_t tg_pending;
static volatile sig_atomic_t tg_armed;
static int tg_handlers_installed;
static volatile sig_atomic_t tg_detach_stdin_on_crash = 1;

static char tg_sequence[256];
static size_t tg_sequence_length;

static struct sigaction tg_previous[NSIG];

static int tg_saved_stderr = -1;
static int tg_log_fd = -1;

/* Every catchable signal whose default action ends the process (signal(7): Term and Core), in two
   groups. Requests to stop (a key, kill, a timer, a resource limit, a broken pipe) are handled by the
   loop: curses closes properly. Faults (and SIGABRT, SIGSYS) cannot wait for the loop: the emergency
   restore runs in the handler. Real-time signals (SIGRTMIN..SIGRTMAX) are requests too and are added
   at install time. Not here: SIGKILL and SIGSTOP (cannot be caught), SIGTSTP/SIGTTIN/SIGTTOU (stop;
   ncurses handles SIGTSTP), SIGCHLD, SIGCONT, SIGURG, SIGWINCH (ignored by default). */
static const int tg_quit_signals[] = {
  SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
#ifdef SIGIO
  SIGIO,
#endif
#ifdef SIGPWR
  SIGPWR,
#endif
#ifdef SIGSTKFLT
  SIGSTKFLT,
#endif
};
static const int tg_crash_signals[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGSYS };

void tg_save_termios(void) {
  if (tcgetattr(STDIN_FILENO, &tg_saved_termios) == 0) tg_have_termios = 1;
}

void tg_set_restore_sequence(const char *sequence) {
  size_t length = sequence ? strlen(sequence) : 0;
  if (length >= sizeof tg_sequence) length = sizeof tg_sequence - 1;
  memcpy(tg_sequence, sequence ? sequence : "", length);
  tg_sequence[length] = 0;
  tg_sequence_length = length;
}

void tg_set_detach_stdin_on_crash(int enabled) { tg_detach_stdin_on_crash = enabled != 0; }
void tg_arm(void) { tg_armed = 1; }
void tg_disarm(void) { tg_armed = 0; }
int tg_is_armed(void) { return tg_armed; }
int tg_pending_signal(void) { return tg_pending; }

static void tg_write_all(int fd, const char *bytes, size_t length) {
  while (length > 0) {
    ssize_t written = write(fd, bytes, length);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    bytes += written;
    length -= (size_t)written;
  }
}

static int tg_open_anonymous_log(void) {
  int fd = -1;
  if (O_TMPFILE != 0) fd = open("/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  char name[] = "/tmp/descent-stderr.XXXXXX";
  fd = mkstemp(name);
  if (fd >= 0) {
    unlink(name);
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  return fd;
}

/* Opens the log at `path` without ever blocking: O_NONBLOCK (a FIFO there would otherwise wait for a
   reader forever), then only a regular file is accepted. */
static int tg_open_log(const char *path) {
  int fd = open(path, O_RDWR | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  struct stat info;
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || ftruncate(fd, 0) != 0) {
    close(fd);
    return -1;
  }
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

int tg_capture_stderr(const char *path) {
  if (tg_saved_stderr >= 0) return 0;
  int fd = path ? tg_open_log(path) : tg_open_anonymous_log();
  if (fd < 0) return -1;
  int saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
  if (saved < 0 || dup2(fd, STDERR_FILENO) < 0) {
    if (saved >= 0) close(saved);
    close(fd);
    return -1;
  }
  tg_log_fd = fd;
  tg_saved_stderr = saved;
  return 0;
}

int tg_is_capturing_stderr(void) { return tg_saved_stderr >= 0; }

void tg_release_stderr(void) {
  int saved = tg_saved_stderr;
  if (saved < 0) return;
  tg_saved_stderr = -1;
  dup2(saved, STDERR_FILENO);
  close(saved);
  int log = tg_log_fd;
  tg_log_fd = -1;
  if (log < 0) return;
  struct stat info;
  off_t start = 0;
  if (fstat(log, &info) == 0 && info.st_size > TG_REPLAY_LIMIT) start = info.st_size - TG_REPLAY_LIMIT;
  if (lseek(log, start, SEEK_SET) == start) {
    char chunk[4096];
    ssize_t count;
    while ((count = read(log, chunk, sizeof chunk)) > 0) tg_write_all(STDERR_FILENO, chunk, (size_t)count);
  }
  close(log);
}

void tg_emergency_restore(void) {
  if (!tg_armed) return;
  tg_armed = 0;
  if (tg_sequence_length > 0) tg_write_all(STDOUT_FILENO, tg_sequence, tg_sequence_length);
  if (tg_have_termios) tcsetattr(STDIN_FILENO, TCSADRAIN, &tg_saved_termios);
  tg_release_stderr();
}

void tg_reraise(int sig) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(sig, &action, NULL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  raise(sig);
}

/* Points stdin at /dev/null so the Swift backtracer, which decides "interactive" by whether stdin and stdout
   are terminals, prints its report and exits instead of waiting 30 s for a key. */
static void tg_detach_stdin(void) {
  int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null_fd < 0) return;
  dup2(null_fd, STDIN_FILENO);
  close(null_fd);
}

static void tg_on_quit(int sig) {
  if (tg_pending != 0 || !tg_armed) {
    /* Second signal (the loop did not react) or curses not running: restore now and die. */
    tg_emergency_restore();
    tg_reraise(sig);
    return;
  }
  tg_pending = sig;
}

static void tg_on_crash(int sig, siginfo_t *info, void *context) {
  int was_armed = tg_armed;
  tg_emergency_restore();
  if (was_armed && tg_detach_stdin_on_crash) tg_detach_stdin();
  const struct sigaction *previous = &tg_previous[sig];
  if (previous->sa_flags & SA_SIGINFO) {
    if (previous->sa_sigaction) previous->sa_sigaction(sig, info, context);
  } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
    previous->sa_handler(sig);
  }
  /* The Swift backtracer returns after an asynchronous kill; die by the signal either way. */
  tg_reraise(sig);
}

static void tg_on_exit(void) { tg_emergency_restore(); }

/* Catches one request signal, unless the parent set it to be ignored (nohup, a shell's `trap '' PIPE`):
   an ignored signal never ends the process, so it stays ignored. Returns whether it is caught. */
static int tg_catch_quit_signal(int sig, sigset_t *handled) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  /* No SA_RESTART: a blocking read in wget_wch returns EINTR, so the loop sees the signal promptly. */
  action.sa_handler = tg_on_quit;
  if (sigaction(sig, NULL, &tg_previous[sig]) != 0) return 0;
  if (tg_previous[sig].sa_handler == SIG_IGN && !(tg_previous[sig].sa_flags & SA_SIGINFO)) return 0;
  if (sigaction(sig, &action, NULL) != 0) return 0;
  sigaddset(handled, sig);
  return 1;
}

/* SIGCONT (Ctrl-Z, then fg) is only noted: curses restores its own modes, the program the rest. */
static volatile sig_atomic_t tg_continued;
static void tg_on_continue(int sig) {
  (void)sig;
  tg_continued = 1;
}

int tg_take_continued(void) {
  int was = tg_continued;
  tg_continued = 0;
  return was;
}

void tg_install_handlers(void) {
  if (tg_handlers_installed) return;
  tg_handlers_installed = 1;
  sigset_t handled;
  sigemptyset(&handled);
  for (size_t i = 0; i < sizeof tg_quit_signals / sizeof *tg_quit_signals; i++) {
    tg_catch_quit_signal(tg_quit_signals[i], &handled);
  }
#if defined(SIGRTMIN) && defined(SIGRTMAX)
  for (int sig = SIGRTMIN; sig <= SIGRTMAX && sig < NSIG; sig++) tg_catch_quit_signal(sig, &handled);
#endif
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_sigaction = tg_on_crash;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  for (size_t i = 0; i < sizeof tg_crash_signals / sizeof *tg_crash_signals; i++) {
    sigaction(tg_crash_signals[i], &action, &tg_previous[tg_crash_signals[i]]);
    sigaddset(&handled, tg_crash_signals[i]);
  }
  struct sigaction resume;
  memset(&resume, 0, sizeof resume);
  sigemptyset(&resume.sa_mask);
  resume.sa_handler = tg_on_continue;
  resume.sa_flags = SA_RESTART;
  sigaction(SIGCONT, &resume, NULL);
  sigaddset(&handled, SIGCONT);
  /* A parent may have started us with these blocked (test runners do); then Ctrl-C, SIGTERM and
     SIGHUP would never reach the handlers above and the terminal could not be given back. */
  pthread_sigmask(SIG_UNBLOCK, &handled, NULL);
  atexit(tg_on_exit);
}

int tg_is_handled(int sig) {
  if (sig <= 0 || sig >= NSIG) return 0;
  struct sigaction current;
  if (sigaction(sig, NULL, &current) != 0) return 0;
  return (current.sa_flags & SA_SIGINFO) ? current.sa_sigaction == tg_on_crash : current.sa_handler == tg_on_quit;
}

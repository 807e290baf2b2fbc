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

static const int tg_quit_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static const int tg_crash_signals[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };

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

int tg_capture_stderr(const char *path) {
  if (tg_saved_stderr >= 0) return 0;
  int fd = path ? open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : tg_open_anonymous_log();
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

void tg_install_handlers(void) {
  if (tg_handlers_installed) return;
  tg_handlers_installed = 1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  /* No SA_RESTART: a blocking read in wget_wch returns EINTR, so the loop sees the signal promptly. */
  action.sa_handler = tg_on_quit;
  for (size_t i = 0; i < sizeof tg_quit_signals / sizeof *tg_quit_signals; i++) {
    sigaction(tg_quit_signals[i], &action, &tg_previous[tg_quit_signals[i]]);
  }
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_sigaction = tg_on_crash;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  for (size_t i = 0; i < sizeof tg_crash_signals / sizeof *tg_crash_signals; i++) {
    sigaction(tg_crash_signals[i], &action, &tg_previous[tg_crash_signals[i]]);
  }
  /* A parent may have started us with these blocked (test runners do); then Ctrl-C, SIGTERM and
     SIGHUP would never reach the handlers above and the terminal could not be given back. */
  sigset_t handled;
  sigemptyset(&handled);
  for (size_t i = 0; i < sizeof tg_quit_signals / sizeof *tg_quit_signals; i++) sigaddset(&handled, tg_quit_signals[i]);
  for (size_t i = 0; i < sizeof tg_crash_signals / sizeof *tg_crash_signals; i++) sigaddset(&handled, tg_crash_signals[i]);
  pthread_sigmask(SIG_UNBLOCK, &handled, NULL);
  atexit(tg_on_exit);
}

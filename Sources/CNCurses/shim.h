/*
 * CNCurses shim: what Swift cannot import from <ncursesw/curses.h> directly.
 *
 * - attribute constants (A_* are NCURSES_BITS casts: not importable as macros);
 * - function-like macros (KEY_F, getmaxyx) and lvalue macros;
 * - C globals that Swift 6 rejects as "not concurrency-safe" (stdscr, LINES, COLS, COLORS, COLOR_PAIRS,
 *   and Glibc's stdout/stdin/stderr);
 * - WACS_* / ACS_* (index tables filled by newterm: functions, never constants);
 * - wcwidth/wcswidth (declared by glibc only under _XOPEN_SOURCE, which Swift's Glibc module lacks);
 * - small helpers that keep cchar_t handling in C.
 *
 * No pkg-config -D flags reach Swift (Linux does not use pkg-config; SwiftPM drops -D flags anyway), so
 * _XOPEN_SOURCE_EXTENDED is defined here for the wide-char API.
 */
#ifndef DESCENT_CNCURSES_SHIM_H
#define DESCENT_CNCURSES_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

/* Attributes. */
static const attr_t NC_A_NORMAL = A_NORMAL;
static const attr_t NC_A_BOLD = A_BOLD;
static const attr_t NC_A_DIM = A_DIM;
static const attr_t NC_A_ITALIC = A_ITALIC;
static const attr_t NC_A_UNDERLINE = A_UNDERLINE;
static const attr_t NC_A_REVERSE = A_REVERSE;
static const attr_t NC_A_STANDOUT = A_STANDOUT;
static const attr_t NC_A_COLOR = A_COLOR;

/* Mouse event bits (NCURSES_MOUSE_MASK expressions: not importable as macros). */
static const mmask_t NC_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t NC_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t NC_BUTTON2_PRESSED = BUTTON2_PRESSED;
static const mmask_t NC_BUTTON2_RELEASED = BUTTON2_RELEASED;
static const mmask_t NC_BUTTON3_PRESSED = BUTTON3_PRESSED;
static const mmask_t NC_BUTTON3_RELEASED = BUTTON3_RELEASED;
static const mmask_t NC_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;

/* Function-like macros. */
static inline int nc_KEY_F(int n) { return KEY_F(n); }
static inline attr_t nc_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }
static inline void nc_getmaxyx(const WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }

/* Globals. */
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline WINDOW *nc_curscr(void) { return curscr; }
static inline int nc_LINES(void) { return LINES; }
static inline int nc_COLS(void) { return COLS; }
static inline int nc_COLORS(void) { return COLORS; }
static inline int nc_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline FILE *nc_stdout(void) { return stdout; }
static inline FILE *nc_stdin(void) { return stdin; }
static inline FILE *nc_stderr(void) { return stderr; }

/* Line drawing: valid only after newterm/initscr. */
static inline chtype nc_ACS_HLINE(void) { return ACS_HLINE; }
static inline chtype nc_ACS_VLINE(void) { return ACS_VLINE; }
static inline const cchar_t *nc_WACS_HLINE(void) { return WACS_HLINE; }
static inline const cchar_t *nc_WACS_VLINE(void) { return WACS_VLINE; }
static inline const cchar_t *nc_WACS_ULCORNER(void) { return WACS_ULCORNER; }
static inline const cchar_t *nc_WACS_URCORNER(void) { return WACS_URCORNER; }
static inline const cchar_t *nc_WACS_LLCORNER(void) { return WACS_LLCORNER; }
static inline const cchar_t *nc_WACS_LRCORNER(void) { return WACS_LRCORNER; }

/* terminfo string capability, NULL when absent or cancelled (tigetstr returns (char *)-1 for "not a string"). */
static inline const char *nc_tigetstr(const char *cap) {
  char *s = tigetstr(cap);
  return (s == (char *)-1) ? NULL : s;
}

/* 1 when the current LC_CTYPE codeset is UTF-8 (call after setlocale). */
static inline int nc_codeset_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  return cs != NULL && strcmp(cs, "UTF-8") == 0;
}

/*
 * Writes one cell: `text` (NUL-terminated, at most CCHARW_MAX scalars: a base character plus combining marks)
 * with `attrs` and colour `pair` at (y, x). The pair goes through setcchar's opts so pairs above 32767 work.
 * Returns the mvwadd_wch result (ERR at the bottom-right corner is expected and harmless).
 */
static inline int nc_put_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs, int pair) {
  cchar_t cell;
  memset(&cell, 0, sizeof cell);
  if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
  return mvwadd_wch(w, y, x, &cell);
}

/*
 * Reads one cell back (tests): the wide characters into `out` (room for CCHARW_MAX + 1), plus attributes and pair.
 */
static inline int nc_get_cell(WINDOW *w, int y, int x, wchar_t *out, attr_t *attrs, int *pair) {
  cchar_t cell;
  short shortPair = 0;
  if (mvwin_wch(w, y, x, &cell) != OK) return ERR;
  *pair = 0;
  if (getcchar(&cell, out, attrs, &shortPair, pair) == ERR) return ERR;
  return OK;
}

#endif

#include "term_guard.h"
void tg_placeholder(void) {}

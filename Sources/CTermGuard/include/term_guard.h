void tg_placeholder(void);

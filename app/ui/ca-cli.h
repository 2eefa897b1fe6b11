#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The headless commands of ../shared/design/cli.md.  None needs a display.
 * Each returns the process exit status: 0 ok, 1 a file is invalid or a write
 * failed, 2 a usage error. */

int ca_cli_check  (char **files);

typedef struct {
  const char *out;
  const char *node_id;
  const char *chart;    /* NULL for "goals" */
  int         width;    /* 0 for the default 1200 */
  int         height;   /* 0 for the default 800 */
  int         scale;    /* 0 for 1 */
  const char *file;     /* NULL for the bundled dataset */
} CaCliExport;

int ca_cli_export (const CaCliExport *options);

G_END_DECLS

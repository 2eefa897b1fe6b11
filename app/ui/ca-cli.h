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

/* --export as the application parsed it: "export" (a filename), "node",
 * "chart", "width", "height" and "scale" (strings, checked here so that a
 * bad number is a usage error with a clear message), and at most one FILE. */
int ca_cli_run_export (GVariantDict  *options,
                       char         **files);

G_END_DECLS

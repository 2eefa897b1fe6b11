/* ca-cli.h: the command line's options and headless commands
 *
 * The headless commands of the command line (README, "Command line";
 * cluster-atlas.1).  None needs a display.  Each returns the process exit
 * status: 0 ok, 1 a file is invalid or a write failed, 2 a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ca-dataset.h"

G_BEGIN_DECLS

int ca_cli_check  (char **files);

/* Loads @file, or the bundled dataset for NULL; a refused file's problems
 * are printed as FILE:LINE:COLUMN: message, and NULL returned. */
CaDataset *ca_cli_load (const char *file);

/* --find: the nodes that match @query in @files' one FILE (or the bundled
 * dataset), ID<TAB>PATH a line; 0 when some matched, 1 when none did or the
 * file was refused, 2 for a usage error. */
int ca_cli_find (const char  *query,
                 char       **files);

typedef struct {
  const char *out;
  const char *node_id;
  const char *compare;  /* "ID,ID[,…]" instead of node_id, or NULL */
  const char *chart;    /* NULL for "goals", or for a comparison both goals and counts */
  int         width;    /* 0 for the default 1200 */
  int         height;   /* 0 for the default 800 */
  int         scale;    /* 0 for 1 */
  const char *file;     /* NULL for the bundled dataset */
} CaCliExport;

int ca_cli_export (const CaCliExport *options);

/* --export as the application parsed it: "export" (a filename), "node",
 * "compare", "chart", "width", "height" and "scale" (strings, checked here so that a
 * bad number is a usage error with a clear message), and at most one FILE.
 * ca-cli-export.c defines it where the chart renderer is linked in
 * (cluster-atlas); in cluster-atlas-cli, ca-cli-export-loader.c does, by
 * loading ca-cli-export.c as a module, so that --check maps no cairo. */
int ca_cli_run_export (GVariantDict  *options,
                       char         **files);

/* The one entry of the export module (ca-cli-export-module.c). */
#define CA_CLI_EXPORT_MODULE_RUN "ca_cli_export_module_run"
typedef int (*CaCliExportModuleRun) (GVariantDict  *options,
                                     char         **files);

/* The folder of the running program (from /proc/self/exe), where the build
 * tree keeps the programs and modules it runs or loads; NULL if unknown. */
char *ca_cli_get_program_dir (void);

/* Gives @app the options of every form, from the one table of both
 * programs, for parsing and for --help; GApplication packs them into the
 * dictionary of its handle-local-options.  A command line that cannot be
 * parsed is then a usage error: its message, and exit status 2. */
void ca_cli_add_options (GApplication *app);

/* Whether @options, as GApplication parsed them, ask for --check or
 * --export.  The program that shows windows hands such a command line to
 * cluster-atlas-cli, which needs no GTK. */
gboolean ca_cli_has_command (GVariantDict *options);

/* A value the user gave, or one from a file, as a message quotes it: on one
 * line (control characters escaped as ca_escape_line () does) and cut to
 * CA_CLI_QUOTE_MAX characters with an ellipsis, so that a pasted megabyte
 * does not bury the sentence.  _filename takes a name in the file system's
 * encoding. */
#define CA_CLI_QUOTE_MAX 80
char *ca_cli_quote          (const char *text);
char *ca_cli_quote_filename (const char *filename);

/* Says what was wrong with the command line, as every form does, and where
 * to look; returns 2. */
int ca_cli_usage_error   (const GError *error);
/* The same for a @message that says what is allowed: after the program's
 * name, with no pointer to --help; returns 2. */
int ca_cli_usage_message (const char   *message);

/* Runs what @options ask for that needs no display: --version, --lang (the
 * language of this run), --check and --export.  Returns the exit status, or
 * -1 when the options ask for the explorer. */
int ca_cli_handle_options (GVariantDict *options);

/* The whole of cluster-atlas-cli: a GApplication with the options above
 * that runs the command they ask for and exits with its status. */
GApplication *ca_cli_application_new (void);

G_END_DECLS

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

/* The options of every form of cli.md, for --help and for parsing.  The
 * entries store nothing (arg_data is NULL), as GApplication wants them. */
const GOptionEntry *ca_cli_get_option_entries (void);

/* Whether @argv (NULL-terminated) asks for --check or --export: either
 * appears before any "--".  The program that shows windows hands such a
 * command line to cluster-atlas-cli, which needs no GTK. */
gboolean ca_cli_is_headless (char **argv);

/* Parses @arguments (not modified) with ca_cli_get_option_entries () into
 * @options as GApplication would: "b", "s" and bytestring ("ay") values,
 * the FILEs as G_OPTION_REMAINING ("aay").  FALSE on a usage error. */
gboolean ca_cli_parse (char         **arguments,
                       GVariantDict  *options,
                       GError       **error);

/* A value the user gave, or one from a file, as a message quotes it: on one
 * line (control characters escaped as ca_escape_line () does) and cut to
 * CA_CLI_QUOTE_MAX characters with an ellipsis, so that a pasted megabyte
 * does not bury the sentence.  _filename takes a name in the file system's
 * encoding. */
#define CA_CLI_QUOTE_MAX 80
char *ca_cli_quote          (const char *text);
char *ca_cli_quote_filename (const char *filename);

/* Says what was wrong with the command line, as every form does; returns 2. */
int ca_cli_usage_error (const GError *error);

/* Runs what @options ask for that needs no display: --version, --lang (the
 * language of this run), --check and --export.  Returns the exit status, or
 * -1 when the options ask for the explorer. */
int ca_cli_handle_options (GVariantDict *options);

/* The whole of cluster-atlas-cli: parses @argv, runs the command and
 * returns the exit status.  Also the fallback of cluster-atlas when the
 * other program cannot be run. */
int ca_cli_main (int    argc,
                 char **argv);

G_END_DECLS

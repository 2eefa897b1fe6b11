/* ca-cli-export.c: cluster-atlas --export, with no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "ca-atomic.h"
#include "ca-bundle.h"
#include "ca-cite.h"
#include "ca-cli.h"
#include "ca-csv.h"
#include "ca-dataset.h"
#include "ca-export.h"
#include "ca-i18n.h"
#include "ca-model-types.h"
#include "ca-node.h"
#include "ca-progress.h"

#define DEFAULT_WIDTH  1200
/* An unknown --node lists no more ids than a reader takes in. */
#define MAX_IDS_SHOWN  10

/* What OUT's extension asks for: a chart format, the figures as CSV, their
 * sources in a citation format, or a citation bundle of all of these. */
typedef enum {
  OUT_CHART,
  OUT_CSV,
  OUT_SOURCES,
  OUT_BUNDLE,
} OutType;

typedef struct {
  OutType         type;
  CaExportFormat  format;
  CaCiteFormat    cite;
} OutKind;

static gboolean
out_kind_from_path (const char *path,
                    OutKind    *kind)
{
  static const char * const extensions[] = { "csv", "zip" };
  int index = ca_path_extension_index (path, extensions, G_N_ELEMENTS (extensions));

  kind->format = CA_EXPORT_PNG;
  if (index >= 0)
    kind->type = index == 0 ? OUT_CSV : OUT_BUNDLE;
  else if (ca_cite_format_from_path (path, &kind->cite))
    kind->type = OUT_SOURCES;
  else if (ca_export_format_from_path (path, &kind->format))
    kind->type = OUT_CHART;
  else
    return FALSE;
  return TRUE;
}

static int
usage_error (const char *message)
{
  return ca_cli_usage_message (message);
}

/* 0 stands for the default; anything else must lie in [min, max]. */
static gboolean
check_range (const char *option,
             int         value,
             int         min,
             int         max)
{
  g_autofree char *message = NULL;

  if (value == 0 || (value >= min && value <= max))
    return TRUE;
  /* Translators: %s is an option such as “--width”; then the bounds. */
  message = g_strdup_printf (_("%s must be a whole number from %d to %d"), option, min, max);
  usage_error (message);
  return FALSE;
}

static gboolean
check_size (const CaCliExport *options)
{
  return check_range ("--width", options->width, CA_EXPORT_MIN_WIDTH, CA_EXPORT_MAX_WIDTH)
         && check_range ("--height", options->height, CA_EXPORT_MIN_HEIGHT, CA_EXPORT_MAX_HEIGHT)
         && check_range ("--scale", options->scale, CA_EXPORT_MIN_SCALE, CA_EXPORT_MAX_SCALE);
}

static gboolean
check_pixels (const CaCliExport *options)
{
  int width = (options->width > 0 ? options->width : DEFAULT_WIDTH)
              * (options->scale > 0 ? options->scale : 1);
  /* With no --height, the height fits the content: at least the minimum,
   * and ca_export_render () checks the fitted one. */
  int height = (options->height > 0 ? options->height : CA_EXPORT_MIN_FIT_HEIGHT)
               * (options->scale > 0 ? options->scale : 1);
  g_autofree char *message = NULL;

  if ((double) width * height <= CA_EXPORT_MAX_PIXELS)
    return TRUE;
  message = g_strdup_printf (_("A PNG of %d × %d pixels is too large; make --width, "
                               "--height or --scale smaller"), width, height);
  usage_error (message);
  return FALSE;
}

/* --compare's ids, split at commas; a usage error (2, said) when they are
 * not 2 to CA_CHART_COMPARE_MAX distinct, non-empty ids, else 0. */
static int
split_compare (const char   *list,
               GStrv        *ids)
{
  g_auto(GStrv) split = NULL;
  guint n;
  g_autofree char *message = NULL;

  if (!g_utf8_validate (list, -1, NULL))
    return usage_error (_("--compare is not valid UTF-8: give the ids as the dataset "
                          "writes them"));
  split = g_strsplit (list, ",", -1);
  n = g_strv_length (split);
  /* "north, south" as "north,south": ids hold no spaces. */
  for (guint i = 0; i < n; i++)
    g_strstrip (split[i]);
  if (n < CA_CHART_COMPARE_MIN || n > CA_CHART_COMPARE_MAX)
    {
      /* Translators: %u is how many ids were given; 2 and 8 are the bounds. */
      message = g_strdup_printf (ngettext ("--compare needs 2 to 8 ids separated by commas; "
                                           "%u was given",
                                           "--compare needs 2 to 8 ids separated by commas; "
                                           "%u were given", n), n);
      return usage_error (message);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *typed = ca_cli_quote (split[i]);

      if (split[i][0] == '\0')
        return usage_error (_("--compare has an empty id: give ids separated by single "
                              "commas"));
      for (guint j = 0; j < i; j++)
        if (g_str_equal (split[i], split[j]))
          {
            /* Translators: %s is an id given twice to --compare. */
            message = g_strdup_printf (_("--compare names “%s” twice; give each node once"),
                                       typed);
            return usage_error (message);
          }
    }
  *ids = g_steal_pointer (&split);
  return 0;
}

/* --compare draws a chart of its nodes' own figures: counts, goals or
 * (without --chart) both. */
static int
check_compare_usage (const CaCliExport *options,
                     OutKind           *out_kind)
{
  g_autofree char *message = NULL;
  g_auto(GStrv) ids = NULL;
  int status;

  if (options->node_id != NULL)
    {
      message = g_strdup_printf (_("--%s and --%s cannot be combined; give one of them"),
                                 "node", "compare");
      return usage_error (message);
    }
  if (out_kind->type != OUT_CHART)
    return usage_error (_("--compare exports a chart: OUT.png, OUT.svg or OUT.pdf"));
  if (options->chart != NULL && !g_str_equal (options->chart, "counts")
      && !g_str_equal (options->chart, "goals"))
    {
      g_autofree char *typed = ca_cli_quote (options->chart);

      /* Translators: do not translate counts and goals: they are values. */
      message = g_strdup_printf (_("Unknown chart “%s” for --compare; allowed: counts, goals"),
                                 typed);
      return usage_error (message);
    }
  if ((status = split_compare (options->compare, &ids)) != 0)
    return status;
  if (!check_size (options))
    return 2;
  if (out_kind->format == CA_EXPORT_PNG && !check_pixels (options))
    return 2;
  return 0;
}

static int
check_usage (const CaCliExport *options,
             OutKind           *out_kind,
             CaChartKind       *chart)
{
  g_autofree char *message = NULL;

  if (options->out == NULL || options->out[0] == '\0')
    return usage_error (_("--export needs a file name: OUT.png, OUT.svg, OUT.pdf, OUT.csv, "
                          "OUT.bib, OUT.ris, OUT.json or OUT.zip"));
  if (options->compare == NULL && (options->node_id == NULL || options->node_id[0] == '\0'))
    return usage_error (_("--export needs --node ID: the id of the node to export"));
  if (!out_kind_from_path (options->out, out_kind))
    {
      g_autofree char *display = ca_cli_quote_filename (options->out);

      /* A comparison is a chart: only the chart formats are named. */
      if (options->compare != NULL)
        return usage_error (_("--compare exports a chart: OUT.png, OUT.svg or OUT.pdf"));
      message = g_strdup_printf (_("Unknown format of “%s”; the file name must end in "
                                   ".png, .svg, .pdf, .csv, .bib, .ris, .json or .zip"),
                                 display);
      return usage_error (message);
    }
  if (options->compare != NULL)
    return check_compare_usage (options, out_kind);
  if (!ca_chart_kind_from_string (options->chart ? options->chart : "goals", chart))
    {
      g_autofree char *typed = ca_cli_quote (options->chart);

      message = g_strdup_printf (_("Unknown chart “%s”; allowed: goals, trend, counts, "
                                   "timeline"), typed);
      return usage_error (message);
    }
  if (!check_size (options))
    return 2;
  /* A bundle holds a PNG too. */
  if ((out_kind->type == OUT_CHART || out_kind->type == OUT_BUNDLE)
      && out_kind->format == CA_EXPORT_PNG && !check_pixels (options))
    return 2;
  return 0;
}

/* An error names files, which may hold any byte: one escaped line. */
static void
print_error (const GError *error)
{
  g_autofree char *line = ca_escape_line (error->message);

  g_printerr ("%s\n", line);
}

static CaDataset *
load_dataset (const char *file)
{
  g_autofree char *bundled = file == NULL ? ca_dataset_get_bundled_path () : NULL;
  const char *path = file != NULL ? file : bundled;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  CaDataset *dataset;

  dataset = ca_dataset_load_file (path, NULL, NULL, NULL, &problems, &error);
  if (dataset != NULL)
    return dataset;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = ca_problem_format (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }
  if (problems == NULL || problems->len == 0)
    print_error (error);
  return NULL;
}

/* Appends at most MAX_IDS_SHOWN of @ids, each cut, and says how many more
 * there are: a file may hold a million top-level nodes. */
static void
append_ids (GString    *list,
            const char *(*get) (gpointer data, guint i),
            gpointer    data,
            guint       n)
{
  for (guint i = 0; i < n && i < MAX_IDS_SHOWN; i++)
    {
      g_autofree char *id = ca_cli_quote (get (data, i));

      g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", id);
    }
  if (n > MAX_IDS_SHOWN)
    /* Translators: after a list of ids cut short; %u is how many were left out. */
    g_string_append_printf (list, ngettext (" and %u more", " and %u more", n - MAX_IDS_SHOWN),
                            n - MAX_IDS_SHOWN);
}

static const char *
suggestion_id (gpointer data,
               guint    i)
{
  return g_ptr_array_index ((GPtrArray *) data, i);
}

static const char *
root_id (gpointer data,
         guint    i)
{
  return ca_node_get_id (ca_dataset_get_root (data, i));
}

static int
unknown_node (CaDataset  *dataset,
              const char *id)
{
  g_autoptr(GPtrArray) ids = ca_dataset_suggest_ids (dataset, id, MAX_IDS_SHOWN);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *typed = ca_cli_quote (id);
  g_autofree char *message = NULL;

  if (ids->len > 0)
    {
      append_ids (list, suggestion_id, ids, ids->len);
      /* Translators: the first %s is what the user typed, the second a list of ids. */
      message = g_strdup_printf (_("Unknown node “%s”; nearest ids: %s"), typed, list->str);
    }
  else
    {
      /* Nothing is near: the top-level ids at least show what ids look like. */
      append_ids (list, root_id, dataset, ca_dataset_get_n_roots (dataset));
      /* Translators: the first %s is what the user typed, the second a list of ids. */
      message = g_strdup_printf (_("Unknown node “%s”; no id is near it; top-level ids: %s"),
                                 typed, list->str);
    }
  return usage_error (message);
}

static gboolean
write_out (const CaNode       *node,
           const CaCliExport  *options,
           const OutKind      *out_kind,
           CaChartKind         chart,
           GError            **error)
{
  CaExportOptions export = {
    .format = out_kind->format,
    .kind = chart,
    .width = options->width > 0 ? options->width : DEFAULT_WIDTH,
    .height = options->height > 0 ? options->height : 0,   /* 0: fits the content */
    .scale = options->scale > 0 ? options->scale : 1,
    /* --lang chose the language of the whole run, messages included, before
     * anything else ran; the export names it rather than rely on it. */
    .language = ca_i18n_get_language (),
  };
  /* The progress columns of a CSV are as of the local date. */
  CaDate today = ca_progress_today ();

  switch (out_kind->type)
    {
    case OUT_CSV:
      return ca_csv_write_figures (node, export.language, &today, options->out, error);
    case OUT_SOURCES:
      return ca_cite_write_subtree (out_kind->cite, node, export.language, options->out, error);
    case OUT_BUNDLE:
      return ca_bundle_write (node, &export, &today, options->out, error);
    case OUT_CHART:
    default:
      return ca_export_write (node, &export, options->out, error);
    }
}

/* The signals that end an export from outside: each removes the temporary
 * file before the program dies of it. */
static const int fatal_signals[] = { SIGTERM, SIGINT, SIGHUP };

typedef struct {
  struct sigaction fatal[G_N_ELEMENTS (fatal_signals)];
  struct sigaction xfsz;
} SignalGuard;

static void
remove_temp_cb (int signum)
{
  ca_atomic_remove_temp ();
  /* SA_RESETHAND restored the default action, which runs once this returns:
   * the parent sees the program ended by the signal, as without us. */
  raise (signum);
}

static void
guard_signals (SignalGuard *guard)
{
  struct sigaction action = { 0 };
  sigset_t signals;

  sigemptyset (&signals);
  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    sigaddset (&signals, fatal_signals[i]);
  action.sa_handler = remove_temp_cb;
  action.sa_mask = signals;
  action.sa_flags = SA_RESETHAND;
  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    {
      sigaction (fatal_signals[i], NULL, &guard->fatal[i]);
      /* A signal ignored by whoever started us (nohup, a background job)
       * stays ignored. */
      if (guard->fatal[i].sa_handler != SIG_IGN)
        sigaction (fatal_signals[i], &action, NULL);
    }
  /* Past a file size limit (ulimit -f), write () then fails with EFBIG and
   * the export ends as on a full disk, with a message, instead of dying. */
  action.sa_handler = SIG_IGN;
  action.sa_flags = 0;
  sigemptyset (&action.sa_mask);
  sigaction (SIGXFSZ, &action, &guard->xfsz);
  ca_atomic_track_signals (&signals);
}

static void
unguard_signals (const SignalGuard *guard)
{
  ca_atomic_track_signals (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    sigaction (fatal_signals[i], &guard->fatal[i], NULL);
  sigaction (SIGXFSZ, &guard->xfsz, NULL);
}

/* The export options of --compare's chart, once its ids name nodes. */
static CaExportOptions
compare_options (const CaCliExport   *options,
                 const OutKind       *out_kind,
                 const CaNode *const *nodes,
                 guint                n_nodes)
{
  CaExportOptions export = {
    .format = out_kind->format,
    .kind = CA_CHART_COMPARE,
    .width = options->width > 0 ? options->width : DEFAULT_WIDTH,
    .height = options->height > 0 ? options->height : 0,
    .scale = options->scale > 0 ? options->scale : 1,
    .language = ca_i18n_get_language (),
    .compare = nodes,
    .n_compare = n_nodes,
    .compare_figures = options->chart == NULL ? CA_COMPARE_ALL
                       : g_str_equal (options->chart, "counts") ? CA_COMPARE_COUNTS
                       : CA_COMPARE_GOALS,
  };

  return export;
}

static int
export_compare (CaDataset         *dataset,
                const CaCliExport *options,
                const OutKind     *out_kind)
{
  g_auto(GStrv) ids = NULL;
  const CaNode *nodes[CA_CHART_COMPARE_MAX];
  g_autoptr(GError) error = NULL;
  CaExportOptions export;
  SignalGuard guard;
  int status = split_compare (options->compare, &ids);
  gboolean written;
  guint n;

  /* check_usage () has checked the ids. */
  g_assert (status == 0);
  n = g_strv_length (ids);
  for (guint i = 0; i < n; i++)
    if ((nodes[i] = ca_dataset_lookup_node (dataset, ids[i])) == NULL)
      return unknown_node (dataset, ids[i]);
  export = compare_options (options, out_kind, nodes, n);
  guard_signals (&guard);
  written = ca_export_write (nodes[0], &export, options->out, &error);
  unguard_signals (&guard);
  if (!written)
    {
      print_error (error);
      return 1;
    }
  return 0;
}

/* OUT that is FILE, by a link or under another name, would replace the
 * dataset with what is made of it: refused, as cp refuses a file onto
 * itself. */
static gboolean
is_dataset_itself (const char *out,
                   const char *file)
{
  g_autofree char *bundled = file == NULL ? ca_dataset_get_bundled_path () : NULL;
  GStatBuf out_stat, file_stat;

  return g_stat (out, &out_stat) == 0 && g_stat (file != NULL ? file : bundled, &file_stat) == 0
         && out_stat.st_dev == file_stat.st_dev && out_stat.st_ino == file_stat.st_ino;
}

int
ca_cli_export (const CaCliExport *options)
{
  g_autoptr(CaDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const CaNode *node;
  SignalGuard guard;
  OutKind out_kind;
  CaChartKind chart;
  gboolean written;
  int status;

  g_return_val_if_fail (options != NULL, 2);

  if ((status = check_usage (options, &out_kind, &chart)) != 0)
    return status;
  if (is_dataset_itself (options->out, options->file))
    {
      g_autofree char *name = ca_cli_quote_filename (options->out);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("--export would write over its own dataset “%s”"), name);
      return usage_error (message);
    }
  if ((dataset = load_dataset (options->file)) == NULL)
    return 1;
  if (options->compare != NULL)
    return export_compare (dataset, options, &out_kind);
  if ((node = ca_dataset_lookup_node (dataset, options->node_id)) == NULL)
    return unknown_node (dataset, options->node_id);

  guard_signals (&guard);
  written = write_out (node, options, &out_kind, chart, &error);
  unguard_signals (&guard);
  if (!written)
    {
      print_error (error);
      return 1;
    }
  return 0;
}

/* Reads an optional whole-number option within [min, max]; FALSE (after
 * saying what is allowed) when it is anything else. */
static gboolean
lookup_int (GVariantDict *dict,
            const char   *name,
            int           min,
            int           max,
            int          *value)
{
  g_autofree char *option = g_strconcat ("--", name, NULL);
  const char *text = NULL;
  gint64 number;

  *value = 0;
  if (!g_variant_dict_lookup (dict, name, "&s", &text))
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, &number, NULL))
    {
      /* 0 is never in range, so check_range () prints the message. */
      check_range (option, -1, min, max);
      return FALSE;
    }
  *value = (int) number;
  return TRUE;
}

int
ca_cli_run_export (GVariantDict  *dict,
                   char         **files)
{
  CaCliExport options = { NULL, };
  const char *chart = NULL;

  g_variant_dict_lookup (dict, "export", "^&ay", &options.out);
  g_variant_dict_lookup (dict, "node", "&s", &options.node_id);
  g_variant_dict_lookup (dict, "compare", "^&ay", &options.compare);
  if (g_variant_dict_lookup (dict, "chart", "&s", &chart))
    options.chart = chart;
  if (!lookup_int (dict, "width", CA_EXPORT_MIN_WIDTH, CA_EXPORT_MAX_WIDTH, &options.width)
      || !lookup_int (dict, "height", CA_EXPORT_MIN_HEIGHT, CA_EXPORT_MAX_HEIGHT,
                      &options.height)
      || !lookup_int (dict, "scale", CA_EXPORT_MIN_SCALE, CA_EXPORT_MAX_SCALE, &options.scale))
    return 2;
  if (files != NULL && files[0] != NULL && files[1] != NULL)
    return usage_error (_("--export reads one dataset FILE at most"));
  options.file = files != NULL ? files[0] : NULL;
  return ca_cli_export (&options);
}

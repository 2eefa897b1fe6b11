/* test-export.c: PNG, SVG and PDF exports and their atomic writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ca-atomic.h"
#include "ca-dataset.h"
#include "ca-export.h"
#include "ca-i18n.h"
#include "ca-node.h"
#include "chart-test-common.h"

/* The title the renderer draws, to compare with the metadata. */
static char *
expected_title (const CaNode *node,
                CaChartKind   kind,
                const char   *language)
{
  g_autofree char *citation = ca_export_get_citation (node, kind, language);
  char *newline = strchr (citation, '\n');

  return g_strndup (citation, newline != NULL ? (gsize) (newline - citation) : strlen (citation));
}

/* PNG ************************************************************/

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* Returns the text chunks of @png as keyword -> text, checking the
 * structure on the way; fills the size from IHDR. */
static GHashTable *
parse_png (GBytes  *bytes,
           guint32 *width,
           guint32 *height)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize pos = 8;
  gboolean seen_iend = FALSE;

  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  while (pos + 12 <= length && !seen_iend)
    {
      guint32 size = read_be32 (data + pos);
      const char *type = (const char *) data + pos + 4;
      const char *body = (const char *) data + pos + 8;

      g_assert_cmpuint (pos + 12 + size, <=, length);
      if (memcmp (type, "IHDR", 4) == 0)
        {
          *width = read_be32 (data + pos + 8);
          *height = read_be32 (data + pos + 12);
        }
      else if (memcmp (type, "tEXt", 4) == 0 || memcmp (type, "iTXt", 4) == 0)
        {
          gsize key_length = strnlen (body, size);
          /* iTXt: keyword, flag, method, language, translated keyword. */
          gsize skip = type[0] == 't' ? key_length + 1 : key_length + 3;

          if (type[0] == 'i')
            {
              skip += strlen (body + skip) + 1;
              skip += strlen (body + skip) + 1;
            }
          g_assert_cmpuint (skip, <=, size);
          g_hash_table_insert (texts, g_strndup (body, key_length),
                               g_strndup (body + skip, size - skip));
        }
      seen_iend = memcmp (type, "IEND", 4) == 0;
      pos += 12 + size;
    }
  g_assert_true (seen_iend);
  g_assert_cmpuint (pos, ==, length);
  return texts;
}

static void
check_png (const CaNode *node,
           CaChartKind   kind,
           int           scale)
{
  CaExportOptions options = { CA_EXPORT_PNG, kind, 640, 400, scale, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ca_export_render (node, &options, &error);
  g_autoptr(GHashTable) texts = NULL;
  g_autofree char *title = expected_title (node, kind, NULL);
  guint32 width = 0, height = 0;

  g_assert_no_error (error);
  texts = parse_png (bytes, &width, &height);
  g_assert_cmpuint (width, ==, 640 * scale);
  g_assert_cmpuint (height, ==, 400 * scale);
  g_assert_cmpstr (g_hash_table_lookup (texts, "Title"), ==, title);
  g_assert_cmpstr (g_hash_table_lookup (texts, "Software"), ==, "Cluster Atlas " PACKAGE_VERSION);
}

/* Each view of nodes with and without figures, at two scales. */
static void
test_png (void)
{
  static const char * const ids[] = { "r", "plan", "p1", "plan2" };
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
      check_png (ca_dataset_lookup_node (dataset, ids[i]), kind, 1 + kind % 2);
}

static guint32
png_height (const CaNode *node,
            CaChartKind   kind,
            int           height)
{
  CaExportOptions options = { CA_EXPORT_PNG, kind, 1200, height, 1, "en" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ca_export_render (node, &options, &error);
  g_autoptr(GHashTable) texts = NULL;
  guint32 width = 0, drawn = 0;

  g_assert_no_error (error);
  texts = parse_png (bytes, &width, &drawn);
  g_assert_cmpuint (width, ==, 1200);
  return drawn;
}

/* The marks of a layout as "x,y,w,h;" for each, to compare two layouts. */
static char *
marks_of (CaChartLayout *layout)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);

      g_string_append_printf (out, "%s:%.0f,%.0f;", mark->tooltip, mark->width, mark->height);
    }
  return g_string_free (out, FALSE);
}

/* With no height, an export is as tall as its content: a panel of two
 * bars much less than 800, an empty chart the minimum, Shanghai's twenty
 * dated programs more; at that height every mark of a tall layout is drawn, at
 * its size.  A height given wins. */
static void
test_fit_height (void)
{
  g_autoptr(CaDataset) fixture = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaDataset) bundled = chart_test_load_bundled ();
  const CaNode *p2 = ca_dataset_lookup_node (fixture, "p2");
  const CaNode *p3 = ca_dataset_lookup_node (fixture, "p3");
  const CaNode *sh = ca_dataset_lookup_node (bundled, "sh");
  const CaNode *baoshan = ca_dataset_lookup_node (bundled, "baoshan");
  int one = ca_export_fit_height (p2, CA_CHART_COUNTS, "en", 1200);

  g_assert_cmpint (one, >=, CA_EXPORT_MIN_FIT_HEIGHT);
  g_assert_cmpint (one, <, 450);
  g_assert_cmpuint (png_height (p2, CA_CHART_COUNTS, 0), ==, one);
  g_assert_cmpuint (png_height (p2, CA_CHART_COUNTS, 800), ==, 800);
  g_assert_cmpint (ca_export_fit_height (p3, CA_CHART_COUNTS, "en", 1200), ==,
                   CA_EXPORT_MIN_FIT_HEIGHT);
  g_assert_cmpint (ca_export_fit_height (sh, CA_CHART_TIMELINE, "en", 1200), >, 800);
  for (CaChartKind kind = CA_CHART_GOALS; kind <= CA_CHART_TIMELINE; kind++)
    {
      const CaNode *nodes[] = { sh, baoshan };

      for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
        {
          int fit = ca_export_fit_height (nodes[i], kind, NULL, 1200);
          g_autoptr(CaChartLayout) fitted = chart_test_layout (nodes[i], kind, 1200, fit);
          g_autoptr(CaChartLayout) tall = chart_test_layout (nodes[i], kind, 1200, 2 * fit);
          g_autofree char *fitted_marks = marks_of (fitted);
          g_autofree char *tall_marks = marks_of (tall);

          g_assert_cmpfloat_with_epsilon (ca_chart_layout_get_content_height (fitted),
                                          ca_chart_layout_get_content_height (tall), 0.01);
          if (kind != CA_CHART_GOALS)
            g_assert_cmpstr (fitted_marks, ==, tall_marks);
        }
    }
}

/* A chart that shows figures names their sources in the Source chunk. */
static void
test_png_sources (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "p1");
  CaExportOptions options = { CA_EXPORT_PNG, CA_CHART_COUNTS, 800, 600, 1, NULL };
  g_autoptr(GBytes) bytes = ca_export_render (node, &options, NULL);
  g_autoptr(GHashTable) texts = NULL;
  guint32 width, height;

  texts = parse_png (bytes, &width, &height);
  g_assert_nonnull (strstr (g_hash_table_lookup (texts, "Source"),
                            "Baoshan District Government"));
}

/* Another language for one export leaves the interface language alone. */
static void
test_png_language (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "r");
  CaExportOptions options = { CA_EXPORT_PNG, CA_CHART_COUNTS, 800, 600, 1, "zh_CN" };
  g_autofree char *before = g_strdup (ca_i18n_get_language ());
  g_autoptr(GBytes) bytes = ca_export_render (node, &options, NULL);
  g_autoptr(GHashTable) texts = NULL;
  guint32 width, height;

  texts = parse_png (bytes, &width, &height);
  g_assert_nonnull (strstr (g_hash_table_lookup (texts, "Title"), "测试市"));
  g_assert_true (g_utf8_validate (g_hash_table_lookup (texts, "Title"), -1, NULL));
  g_assert_cmpstr (ca_i18n_get_language (), ==, before);
}

/* Each export writes in the language it names, either way round, and the
 * interface stays in its own: the SVG's title, the chart's drawn words and
 * the layout's labels, with LANGUAGE and gettext untouched. */
static void
check_svg_in (const CaNode *node,
              const char   *interface,
              const char   *language)
{
  CaExportOptions options = { CA_EXPORT_SVG, CA_CHART_COUNTS, 800, 600, 1, language };
  const char *other = g_str_equal (language, "en") ? "zh_CN" : "en";
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *title = NULL;
  g_autofree char *wrong = NULL;

  ca_i18n_set_language (interface);
  bytes = ca_export_render (node, &options, NULL);
  svg = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  title = g_strdup_printf ("<title>%s — %s</title>", ca_node_get_name (node, language[0] == 'z'
                                                                       ? "zh-CN" : "en"),
                           ca_chart_kind_get_label_in (language, CA_CHART_COUNTS));
  wrong = g_strdup_printf (" — %s</title>", ca_chart_kind_get_label_in (other, CA_CHART_COUNTS));
  g_assert_nonnull (strstr (svg, title));
  g_assert_null (strstr (svg, wrong));
  g_assert_cmpstr (ca_i18n_get_language (), ==, interface);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, interface);
  g_assert_cmpstr (gettext ("Counts"), ==, ca_i18n_gettext (interface, "Counts"));
}

static void
test_svg_language (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "r");

  if (g_str_equal (ca_i18n_gettext ("zh_CN", "Counts"), "Counts"))
    {
      g_test_skip ("the Chinese catalogue is not built");
      return;
    }
  check_svg_in (node, "en", "zh_CN");
  check_svg_in (node, "zh_CN", "en");
  ca_i18n_set_language ("en");
}

/* A layout's words by parameter: its title is Chinese for "zh_CN" and
 * English for "en", with the interface in English throughout. */
static void
test_layout_language (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "r");
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  CaChartOptions options = { CA_CHART_TIMELINE, 800, 600, 2024, TRUE, TRUE, NULL, "zh_CN" };
  g_autoptr(CaChartLayout) zh = NULL;
  g_autoptr(CaChartLayout) en = NULL;

  ca_i18n_set_language ("en");
  zh = ca_chart_layout_new (node, &options, context);
  options.language = "en";
  en = ca_chart_layout_new (node, &options, context);
  g_assert_true (g_str_has_suffix (ca_chart_layout_get_title (en), "— Timeline"));
  g_assert_true (g_str_has_suffix (ca_chart_layout_get_title (zh),
                                   ca_chart_kind_get_label_in ("zh_CN", CA_CHART_TIMELINE)));
  g_assert_cmpstr (ca_chart_layout_get_title (zh), !=, ca_chart_layout_get_title (en));
  g_assert_cmpstr (ca_i18n_get_language (), ==, "en");
  g_clear_pointer (&zh, ca_chart_layout_free);
  g_clear_pointer (&en, ca_chart_layout_free);
  g_object_unref (context);
}

/* SVG and PDF ****************************************************/

static void
check_svg (const CaNode *node,
           CaChartKind   kind)
{
  CaExportOptions options = { CA_EXPORT_SVG, kind, 900, 500, 1, NULL };
  g_autoptr(GBytes) bytes = ca_export_render (node, &options, NULL);
  g_autofree char *title = expected_title (node, kind, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc = xmlReadMemory (data, (int) length, "export.svg", NULL, XML_PARSE_NONET);
  xmlNode *root, *first;
  xmlChar *text;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  first = xmlFirstElementChild (root);
  g_assert_cmpstr ((const char *) first->name, ==, "title");
  text = xmlNodeGetContent (first);
  g_assert_cmpstr ((const char *) text, ==, title);
  xmlFree (text);
  text = xmlGetProp (root, (const xmlChar *) "width");
  g_assert_cmpstr ((const char *) text, ==, "900px");
  xmlFree (text);
  xmlFreeDoc (doc);
}

static void
test_svg (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  static const char * const ids[] = { "r", "plan", "p2" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
      check_svg (ca_dataset_lookup_node (dataset, ids[i]), kind);
}

/* strstr () for binary data, which PDF streams are. */
static gboolean
has_bytes (const char *data,
           gsize       length,
           const char *needle)
{
  gsize size = strlen (needle);

  for (gsize i = 0; i + size <= length; i++)
    if (memcmp (data + i, needle, size) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "r");

  for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
    {
      CaExportOptions options = { CA_EXPORT_PDF, kind, 842, 595, 1, NULL };
      g_autoptr(GBytes) bytes = ca_export_render (node, &options, NULL);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      g_assert_cmpmem (data, 5, "%PDF-", 5);
      g_assert_true (has_bytes (data, length, "/Title"));
      g_assert_true (has_bytes (data, length, "/Creator"));
      g_assert_true (has_bytes (data, length, "/MediaBox [ 0 0 842 595 ]"));
    }
}

static void
test_format_from_path (void)
{
  CaExportFormat format;

  g_assert_true (ca_export_format_from_path ("a/b.png", &format));
  g_assert_cmpint (format, ==, CA_EXPORT_PNG);
  g_assert_true (ca_export_format_from_path ("B.SVG", &format));
  g_assert_cmpint (format, ==, CA_EXPORT_SVG);
  g_assert_true (ca_export_format_from_path ("c.pdf", &format));
  g_assert_cmpint (format, ==, CA_EXPORT_PDF);
  g_assert_false (ca_export_format_from_path ("c.csv", &format));
  g_assert_false (ca_export_format_from_path ("png", &format));
  g_assert_false (ca_export_format_from_path ("d.png/e", &format));
}

/* Atomic writes **************************************************/

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every name in @folder, sorted: a temporary file left behind shows up
 * here.  The names are copied: the next g_dir_read_name () may reuse its
 * buffer. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("ca-export-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

static void
remove_folder (const char *folder)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", folder);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static void
check_write_fails (const char *path,
                   GFileError  code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);

  g_assert_false (ca_atomic_write (path, "new", 3, &error));
  g_assert_error (error, G_FILE_ERROR, (int) code);
  g_assert_true (g_str_has_prefix (error->message, "Could not write “"));
  g_assert_nonnull (strstr (error->message, display));
}

static void
test_write_failures (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *file = g_build_filename (folder, "file.txt", NULL);
  g_autofree char *sub = g_build_filename (folder, "dir.png", NULL);
  g_autofree char *fifo = g_build_filename (folder, "pipe.png", NULL);
  g_autofree char *missing = g_build_filename (folder, "missing", "x.png", NULL);
  g_autofree char *under_file = g_build_filename (file, "x.png", NULL);
  g_autofree char *before = NULL, *after = NULL, *contents = NULL;

  g_assert_true (g_file_set_contents (file, "old", -1, NULL));
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  before = list_folder (folder);

  check_write_fails (missing, G_FILE_ERROR_NOENT);
  check_write_fails (under_file, G_FILE_ERROR_NOTDIR);
  check_write_fails (sub, G_FILE_ERROR_ISDIR);
  check_write_fails (fifo, G_FILE_ERROR_FAILED);

  after = list_folder (folder);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  remove_folder (folder);
}

/* Replacing keeps the old file's permissions; a new file follows umask. */
static void
test_write_replaces (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "chart.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  GStatBuf st;

  g_assert_true (ca_atomic_write (path, "first", 5, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (ca_atomic_write (path, "second", 6, NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "second");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "chart.png");
  remove_folder (folder);
}

/* A full disk, honestly, even as root: the file size limit makes write ()
 * fail with EFBIG part-way, as ENOSPC would.  Runs in a subprocess. */
static void
test_write_full_disk_child (void)
{
  struct rlimit limit = { 4096, 4096 };
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *big = g_malloc0 (1 << 20);
  g_autofree char *names = NULL, *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("only run by /export/write/full-disk");
      return;
    }
  folder = make_folder ();
  path = g_build_filename (folder, "chart.png", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (ca_atomic_write (path, big, 1 << 20, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "chart.png");
  remove_folder (folder);
}

static void
test_write_full_disk_parent (void)
{
  g_test_trap_subprocess ("/export/write/full-disk/subprocess", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Without write permission; root ignores it, so this needs another user. */
static void
test_write_no_permission (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *path = g_build_filename (folder, "chart.png", NULL);
  g_autofree char *names = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores permissions; test-export-cli.sh covers this with chattr");
      remove_folder (folder);
      return;
    }
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  check_write_fails (path, G_FILE_ERROR_ACCES);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "chart.png");
  remove_folder (folder);
}

/* A whole export into a missing folder fails before anything is written. */
static void
test_export_write_fails (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "r");
  CaExportOptions options = { CA_EXPORT_PDF, CA_CHART_GOALS, 600, 400, 1, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (ca_export_write (node, &options, "/nonexistent-ca-folder/x.pdf", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpstr (error->message, ==,
                   "Could not write “/nonexistent-ca-folder/x.pdf”: No such file or directory");
}

static void
test_too_large (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "r");
  CaExportOptions options = { CA_EXPORT_PNG, CA_CHART_GOALS, 10000, 10000, 3, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ca_export_render (node, &options, &error);

  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* Every node of the bundled dataset exports in every view and format. */
static void
test_bundled (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  static const char * const ids[] = { "sh", "scip", "baoshan", "sh-future-industries" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const CaNode *node = ca_dataset_lookup_node (dataset, ids[i]);

      g_assert_nonnull (node);
      for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
        for (CaExportFormat format = CA_EXPORT_PNG; format <= CA_EXPORT_PDF; format++)
          {
            CaExportOptions options = { format, kind, 1200, 800, 1, NULL };
            g_autoptr(GError) error = NULL;
            g_autoptr(GBytes) bytes = ca_export_render (node, &options, &error);

            g_assert_no_error (error);
            g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
          }
    }
}

/* The proposed name of an export has no bidi control: "photo\u202Egnp.exe"
 * would show as "photoexe.png" in the file chooser. */
static void
test_default_name (void)
{
  const gunichar controls[] = { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
                                0x2068, 0x2069, 0x200E, 0x200F, 0x061C };
  g_autoptr(GString) name = g_string_new ("photo");
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("export-bidi.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "spoof");
  g_autofree char *clean = NULL;
  g_autofree char *chart = ca_export_default_name (node, CA_CHART_COUNTS, CA_EXPORT_PNG, FALSE);
  g_autofree char *csv = ca_export_default_name (node, CA_CHART_GOALS, CA_EXPORT_PNG, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    g_string_append_unichar (name, controls[i]);
  g_string_append (name, "gnp\n.exe/x");
  clean = ca_export_clean_file_name (name->str);
  g_assert_cmpstr (clean, ==, "photognp.exe-x");
  g_assert_cmpstr (chart, ==, "spoof-counts.png");
  g_assert_cmpstr (csv, ==, "spoof-figures.csv");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add_func ("/export/format-from-path", test_format_from_path);
  g_test_add_func ("/export/png", test_png);
  g_test_add_func ("/export/png/sources", test_png_sources);
  g_test_add_func ("/export/png/fit-height", test_fit_height);
  g_test_add_func ("/export/png/language", test_png_language);
  g_test_add_func ("/export/svg", test_svg);
  g_test_add_func ("/export/svg/language", test_svg_language);
  g_test_add_func ("/export/layout-language", test_layout_language);
  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/too-large", test_too_large);
  g_test_add_func ("/export/bundled", test_bundled);
  g_test_add_func ("/export/write/failures", test_write_failures);
  g_test_add_func ("/export/write/replaces", test_write_replaces);
  g_test_add_func ("/export/write/full-disk", test_write_full_disk_parent);
  g_test_add_func ("/export/write/full-disk/subprocess", test_write_full_disk_child);
  g_test_add_func ("/export/write/no-permission", test_write_no_permission);
  g_test_add_func ("/export/write/export-fails", test_export_write_fails);
  g_test_add_func ("/export/default-name", test_default_name);

  return g_test_run ();
}

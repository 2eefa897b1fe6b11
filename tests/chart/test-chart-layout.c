#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chart-test-common.h"
#include "ca-chart-private.h"
#include "ca-export.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-node.h"

/* Layout tests: where marks and labels go, without pixels. */

/* A value with a unit is drawn isolated (FSI ... PDI): its unit comes from
 * the data; this skips the FSI. */
static const char *
without_isolate (const char *label)
{
  return g_str_has_prefix (label, "\u2068") ? label + 3 : label;
}

static const double sizes[][2] = { { 1200, 800 }, { 640, 400 }, { 360, 300 } };

/* Every view at every size; its citation is the one read without a
 * layout, whatever the size hides. */
static void
check_all_views (const CaNode *node)
{
  for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(CaChartLayout) layout = chart_test_layout (node, kind, sizes[s][0],
                                                             sizes[s][1]);
        g_autofree char *laid_out = ca_chart_layout_get_citation (layout);
        g_autofree char *unplaced = ca_export_get_citation (node, kind, NULL);

        chart_test_check_layout (layout, sizes[s][0], sizes[s][1]);
        g_assert_cmpstr (laid_out, ==, unplaced);
        /* The default view's rule asks the data what the layout finds. */
        g_assert_cmpint (ca_chart_kind_has_content (kind, node), ==,
                         ca_chart_layout_get_empty_message (layout) == NULL);
      }
}

static void
check_dataset (CaDataset *dataset)
{
  for (guint r = 0; r < ca_dataset_get_n_roots (dataset); r++)
    {
      const CaNode *root = ca_dataset_get_root (dataset, r);

      for (const CaNode *node = ca_node_next_in_subtree (root, NULL); node != NULL;
           node = ca_node_next_in_subtree (root, node))
        check_all_views (node);
    }
}

static void
test_bundled (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();

  check_dataset (dataset);
  ca_i18n_set_language ("zh_CN");
  check_dataset (dataset);
  ca_i18n_set_language ("en");
}

static void
test_fixtures (void)
{
  g_autoptr(CaDataset) basic = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaDataset) edge = chart_test_load_fixture ("chart-edge.xml");

  check_dataset (basic);
  check_dataset (edge);
}

static CaChartLayout *
layout_of (CaDataset   *dataset,
           const char  *id,
           CaChartKind  kind)
{
  const CaNode *node = ca_dataset_lookup_node (dataset, id);

  g_assert_nonnull (node);
  return chart_test_layout (node, kind, 900, 600);
}

static void
test_title_and_sources (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaChartLayout) goals = layout_of (dataset, "r", CA_CHART_GOALS);
  g_autoptr(CaChartLayout) counts = layout_of (dataset, "r", CA_CHART_COUNTS);
  g_autofree char *citation = ca_chart_layout_get_citation (counts);

  g_assert_cmpstr (ca_chart_layout_get_title (goals), ==, "Testville — Goals");
  g_assert_null (ca_chart_layout_get_empty_message (goals));
  /* Only the latest count of a park is drawn, so only its source is named;
   * the goals name the source of the count reached against one of them. */
  g_assert_cmpuint (ca_chart_layout_get_sources (counts)->len, ==, 1);
  g_assert_cmpuint (ca_chart_layout_get_sources (goals)->len, ==, 2);
  g_assert_true (g_str_has_prefix (citation, "Testville — Counts\n"));
  g_assert_nonnull (strstr (citation, "Baoshan District Government"));
}

static void
test_goals_reached (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaChartLayout) layout = layout_of (dataset, "r", CA_CHART_GOALS);
  gboolean found = FALSE;

  /* Three goals, three rows, each with its own scale (a panel). */
  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 3);
  g_assert_cmpuint (ca_chart_layout_get_n_panels (layout), ==, 3);
  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);

      g_assert_cmpint (mark->type, ==, CA_MARK_GOAL);
      g_assert_cmpint (ca_chart_layout_get_mark_panel (layout, i), ==, (int) i);
      if (g_strcmp0 (mark->figure->metric->id, "projects") == 0)
        {
          /* 25 reported of at least 40: the share reached is told. */
          g_autofree char *share = ca_format_percent (25.0 / 40.0);

          g_assert_nonnull (strstr (mark->tooltip, share));
          g_assert_nonnull (strstr (mark->accessible_name, share));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_counts_sorted (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaChartLayout) layout = layout_of (dataset, "r", CA_CHART_COUNTS);
  const CaNode *p1 = ca_dataset_lookup_node (dataset, "p1");
  const CaNode *p2 = ca_dataset_lookup_node (dataset, "p2");
  const CaNode *plan = ca_dataset_lookup_node (dataset, "plan");
  const CaChartMark *marks[4];

  /* Projects: the plan (25), p1 (16), p2 (its latest, nearly 12); then the
   * enterprises of p1 in a panel of their own. */
  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 4);
  for (guint i = 0; i < 4; i++)
    marks[i] = ca_chart_layout_get_mark (layout, i);
  g_assert_true (marks[0]->node == plan);
  g_assert_true (marks[1]->node == p1);
  g_assert_true (marks[2]->node == p2);
  g_assert_true (marks[3]->node == p1);
  g_assert_cmpfloat (marks[2]->figure->value, ==, 12);
  g_assert_true (g_str_has_prefix (without_isolate (marks[2]->label),
                                   ca_format_qualifier_symbol (CA_QUALIFIER_NEARLY)));
  g_assert_cmpint (ca_chart_layout_get_mark_panel (layout, 0), ==,
                   ca_chart_layout_get_mark_panel (layout, 2));
  g_assert_cmpint (ca_chart_layout_get_mark_panel (layout, 0), !=,
                   ca_chart_layout_get_mark_panel (layout, 3));
}

static void
test_counts_leaf (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaChartLayout) layout = layout_of (dataset, "p2", CA_CHART_COUNTS);

  /* A leaf shows its own counts, one bar per date. */
  g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 2);
  g_assert_cmpfloat (ca_chart_layout_get_mark (layout, 0)->figure->value, ==, 9);
  g_assert_cmpfloat (ca_chart_layout_get_mark (layout, 1)->figure->value, ==, 12);
}

static void
test_timeline (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-basic.xml");
  g_autoptr(CaChartLayout) layout = layout_of (dataset, "r", CA_CHART_TIMELINE);
  guint programs = 0, goals = 0;

  for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
    {
      const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);

      programs += mark->type == CA_MARK_PROGRAM;
      goals += mark->type == CA_MARK_GOAL;
      g_assert_nonnull (mark->node);
    }
  g_assert_cmpuint (programs, ==, 3);
  g_assert_cmpuint (goals, ==, 3);
}

static void
test_one_figure (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-edge.xml");
  g_autoptr(CaChartLayout) goals = layout_of (dataset, "one", CA_CHART_GOALS);
  g_autoptr(CaChartLayout) counts = layout_of (dataset, "one", CA_CHART_COUNTS);

  g_assert_cmpuint (ca_chart_layout_get_n_marks (goals), ==, 1);
  g_assert_true (g_str_has_prefix (ca_chart_layout_get_mark (goals, 0)->label, "7"));
  g_assert_cmpuint (ca_chart_layout_get_n_marks (counts), ==, 0);
  g_assert_cmpstr (ca_chart_layout_get_empty_message (counts), ==,
                   "No counts are recorded for One figure");
}

static void
test_zero_and_huge (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-edge.xml");
  const char *ids[] = { "zero", "huge" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(CaChartLayout) goals = layout_of (dataset, ids[i], CA_CHART_GOALS);
      g_autoptr(CaChartLayout) counts = layout_of (dataset, ids[i], CA_CHART_COUNTS);

      /* A count goal and a money goal: never on the same axis. */
      g_assert_cmpuint (ca_chart_layout_get_n_panels (goals), ==, 2);
      g_assert_cmpint (ca_chart_layout_get_mark_panel (goals, 0), !=,
                       ca_chart_layout_get_mark_panel (goals, 1));
      g_assert_cmpuint (ca_chart_layout_get_n_marks (counts), >=, 2);
      chart_test_check_layout (goals, 900, 600);
      chart_test_check_layout (counts, 900, 600);
    }
}

static void
test_qualifiers (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-edge.xml");

  for (CaChartKind kind = CA_CHART_GOALS; kind <= CA_CHART_COUNTS; kind++)
    {
      g_autoptr(CaChartLayout) layout = layout_of (dataset, "qual", kind);
      guint seen = 0;

      for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
        {
          const CaChartMark *mark = ca_chart_layout_get_mark (layout, i);
          const char *symbol = ca_format_qualifier_symbol (mark->figure->qualifier);

          /* The qualifier stays with the value, in the label drawn. */
          g_assert_true (g_str_has_prefix (without_isolate (mark->label), symbol));
          seen |= 1u << mark->figure->qualifier;
        }
      g_assert_cmpuint (seen, ==, 0x3f);
    }
}

static void
test_no_figures (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("chart-edge.xml");
  const char *messages[] = { "No goals are recorded for Baoshan",
                             "No counts are recorded for Baoshan",
                             "No programs are recorded for Baoshan",
                             "No reports are recorded for Baoshan or directly under it" };
  /* Drawn, the name is isolated (FSI ... PDI); said, it is plain. */
  const char *drawn[] = { "No goals are recorded for \u2068Baoshan\u2069",
                          "No counts are recorded for \u2068Baoshan\u2069",
                          "No programs are recorded for \u2068Baoshan\u2069",
                          "No reports are recorded for \u2068Baoshan\u2069 or directly under it" };

  G_STATIC_ASSERT (G_N_ELEMENTS (messages) == CA_CHART_N_KINDS);
  for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
    {
      g_autoptr(CaChartLayout) layout = layout_of (dataset, "none", kind);
      CaChartRect rect;

      g_assert_cmpuint (ca_chart_layout_get_n_marks (layout), ==, 0);
      g_assert_cmpstr (ca_chart_layout_get_empty_message (layout), ==, messages[kind]);
      /* The message is drawn too, not only returned. */
      g_assert_cmpuint (ca_chart_layout_get_n_labels (layout), ==, 2);
      g_assert_cmpstr (ca_chart_layout_get_label (layout, 1, &rect, NULL), ==, drawn[kind]);
      g_assert_cmpfloat (rect.x, >, 0);
      g_assert_cmpint (ca_chart_layout_hit_test (layout, 450, 300), ==, -1);
    }
}

/* Where Pango puts the byte @index of @text's layout, in Pango units. */
static int
x_of (const Text *text,
      const char *needle)
{
  const char *laid_out = pango_layout_get_text (text->layout);
  const char *at = strstr (laid_out, needle);
  PangoRectangle pos;

  g_assert_nonnull (at);
  pango_layout_index_to_pos (text->layout, (int) (at - laid_out), &pos);
  return MIN (pos.x, pos.x + pos.width);
}

/* Every U+202E and U+2066 of the data sits inside an FSI ... PDI pair. */
static void
assert_isolated (const char *text)
{
  int depth = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2068)
        depth++;
      else if (c == 0x2069 && depth > 0)
        depth--;
      else if ((c == 0x202E || c == 0x2066) && depth == 0)
        g_error ("“%s” draws a bidi control outside an isolate", g_strescape (text, NULL));
    }
}

/* A name with U+202E cannot reverse the chart's own words: the title, the
 * labels, headings, footer and tooltips hold each data string in FSI ...
 * PDI, and Pango (1.50, which follows UAX #9 isolates) draws "Counts"
 * after the name, left to right, not reversed before it. */
static void
test_bidi_isolated (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_fixture ("export-bidi.xml");
  const CaNode *node = ca_dataset_lookup_node (dataset, "spoof");

  for (CaChartKind kind = 0; kind < CA_CHART_N_KINDS; kind++)
    {
      g_autoptr(CaChartLayout) layout = chart_test_layout (node, kind, 1200, 800);
      const Text *title = &g_array_index (layout->texts, Text, 0);
      g_autofree char *expected = g_strdup_printf ("\u2068Safe \u202Egnp.exe\u2069 — %s",
                                                   ca_chart_kind_get_label (kind));
      g_autofree char *plain = g_strdup_printf ("Safe \u202Egnp.exe — %s",
                                                ca_chart_kind_get_label (kind));
      const char *word = ca_chart_kind_get_label (kind);

      /* The title given to metadata and screen readers stays plain. */
      g_assert_cmpstr (ca_chart_layout_get_title (layout), ==, plain);
      g_assert_cmpstr (title->text, ==, expected);
      g_assert_cmpint (title->panel, ==, -1);
      /* Drawn left to right: "Safe", the reversed name, then the view. */
      g_assert_cmpint (x_of (title, "Safe"), <, x_of (title, "gnp.exe"));
      g_assert_cmpint (x_of (title, "gnp.exe"), <, x_of (title, word));
      g_assert_cmpint (x_of (title, "—"), <, x_of (title, word));
      for (guint i = 0; i < layout->texts->len; i++)
        assert_isolated (g_array_index (layout->texts, Text, i).text);
      for (guint i = 0; i < ca_chart_layout_get_n_marks (layout); i++)
        {
          assert_isolated (ca_chart_layout_get_mark (layout, i)->tooltip);
          assert_isolated (ca_chart_layout_get_mark (layout, i)->label);
        }
      chart_test_check_layout (layout, 1200, 800);
    }
}

/* Isolates are left out of a layout only where nothing could run right
 * to left; the text the layout reports keeps them. */
static void
test_idle_isolates (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  const char *keep[] = { "\u2068Safe \u202Egnp.exe\u2069 — Counts", "\u2068שלום\u2069 x",
                         "\u2068a\u2069 \u2067b\u2069", "\u2068\u0663\u2069", "plain" };
  g_autofree char *plain = ca_chart_drop_idle_isolates ("\u2068Baoshan\u2069 — "
                                                        "\u2068宝山区\u2069 ≈ 5");
  g_autoptr(CaChartLayout) layout = NULL;
  const Text *title;

  g_assert_cmpstr (plain, ==, "Baoshan — 宝山区 ≈ 5");
  for (guint i = 0; i < G_N_ELEMENTS (keep); i++)
    g_assert_null (ca_chart_drop_idle_isolates (keep[i]));

  layout = chart_test_layout (ca_dataset_lookup_node (dataset, "baoshan"), CA_CHART_COUNTS,
                              900, 560);
  title = &g_array_index (layout->texts, Text, 0);
  g_assert_true (g_str_has_prefix (title->text, "\u2068"));
  g_assert_false (g_str_has_prefix (pango_layout_get_text (title->layout), "\u2068"));
}

static void
check_others (CaChartLayout *layout,
              guint          n)
{
  guint marks = ca_chart_layout_get_n_marks (layout);
  const CaChartMark *last = ca_chart_layout_get_mark (layout, marks - 1);
  double total = 0;

  /* Only what fits is drawn, and the rest is one "N others" bar. */
  g_assert_cmpuint (marks, <, 60);
  g_assert_null (last->node);
  g_assert_null (last->figure);
  for (guint i = 0; i < marks - 1; i++)
    total += ca_chart_layout_get_mark (layout, i)->figure->value;
  /* Counts run 1..n, the shown ones are the largest. */
  g_assert_cmpfloat (total, <, n * (n + 1) / 2.0);
  g_assert_nonnull (strstr (last->tooltip, "others"));
}

static void
test_many_children (void)
{
  const guint n = 1000;
  g_autoptr(CaDataset) dataset = chart_test_load_many (n);
  const CaNode *root = ca_dataset_lookup_node (dataset, "many");
  g_autoptr(CaChartLayout) counts = chart_test_layout (root, CA_CHART_COUNTS, 900, 600);
  g_autoptr(CaChartLayout) goals = chart_test_layout (root, CA_CHART_GOALS, 900, 600);
  g_autoptr(CaChartLayout) timeline = chart_test_layout (root, CA_CHART_TIMELINE, 900, 600);

  check_others (counts, n);
  g_assert_cmpfloat (ca_chart_layout_get_mark (counts, 0)->figure->value, ==, n);
  g_assert_cmpuint (ca_chart_layout_get_n_marks (goals), <, 200);
  g_assert_cmpuint (ca_chart_layout_get_n_marks (timeline), <, 60);
  chart_test_check_layout (counts, 900, 600);
  chart_test_check_layout (goals, 900, 600);
  chart_test_check_layout (timeline, 900, 600);
}

static void
test_axis (void)
{
  Axis axis;
  int step;

  /* Round steps of 1, 2 or 5 times a power of ten, covering the maximum. */
  ca_chart_axis_init (&axis, 437, 6, FALSE);
  g_assert_cmpfloat (axis.step, ==, 100);
  g_assert_cmpfloat (axis.top, ==, 500);
  g_assert_cmpuint (axis.n_ticks, ==, 6);
  ca_chart_axis_init (&axis, 5e11, 5, FALSE);
  g_assert_cmpfloat (axis.step, ==, 2e11);
  g_assert_cmpfloat (axis.top, ==, 6e11);
  ca_chart_axis_init (&axis, 1e15, 6, FALSE);
  g_assert_cmpfloat (axis.top, ==, 1e15);
  /* Counts never get fractional ticks. */
  ca_chart_axis_init (&axis, 3, 8, TRUE);
  g_assert_cmpfloat (axis.step, ==, 1);
  g_assert_cmpfloat (axis.top, ==, 3);
  /* Only zeros: a baseline alone. */
  ca_chart_axis_init (&axis, 0, 6, FALSE);
  g_assert_cmpuint (axis.n_ticks, ==, 1);
  g_assert_cmpfloat (axis.top, >, 0);
  ca_chart_axis_years (2020, 2030, 4, &step);
  g_assert_cmpint (step, ==, 5);
  ca_chart_axis_years (2022, 2026, 10, &step);
  g_assert_cmpint (step, ==, 1);
}

/* A chart too short for its panels says how tall it wants to be, and at
 * that height it shows every panel that a much taller one shows. */
static void
check_wanted_height (const CaNode *node,
                     CaChartKind   kind,
                     double        width)
{
  g_autoptr(CaChartLayout) small = chart_test_layout (node, kind, width, 400);
  double wanted = ca_chart_layout_get_wanted_height (small);
  g_autoptr(CaChartLayout) fitted = chart_test_layout (node, kind, width, wanted);
  g_autoptr(CaChartLayout) tall = chart_test_layout (node, kind, width, wanted + 2000);

  g_assert_cmpfloat (wanted, >, 400);
  g_assert_cmpuint (ca_chart_layout_get_n_panels (small), <, ca_chart_layout_get_n_panels (tall));
  g_assert_cmpuint (ca_chart_layout_get_n_panels (fitted), ==,
                    ca_chart_layout_get_n_panels (tall));
  g_assert_cmpuint (ca_chart_layout_get_n_marks (fitted), ==, ca_chart_layout_get_n_marks (tall));
  g_assert_cmpfloat (ca_chart_layout_get_wanted_height (tall), ==, wanted + 2000);
}

static void
test_wanted_height (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  g_autoptr(CaDataset) progress = chart_test_load_fixture ("progress.xml");

  check_wanted_height (ca_dataset_lookup_node (dataset, "sh"), CA_CHART_COUNTS, 900);
  check_wanted_height (ca_dataset_lookup_node (progress, "cases"), CA_CHART_GOALS, 600);
}

static void
test_kind_names (void)
{
  CaChartKind kind;

  for (CaChartKind k = 0; k < CA_CHART_N_KINDS; k++)
    {
      g_assert_true (ca_chart_kind_from_string (ca_chart_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_nonnull (ca_chart_kind_get_label (k));
    }
  g_assert_false (ca_chart_kind_from_string ("pie", &kind));
  g_assert_false (ca_chart_kind_from_string (NULL, &kind));
}

/* --- The "others" row: its qualifier joins its members' (issue 18) ------ */

/* @n parks under "root", park i with a count and a goal (year 2025) of
 * value n - i whose qualifier is @qualifiers[i % n_qualifiers]; the parks
 * at the end, the smallest, are the ones summed into "others". */
static CaDataset *
load_qualified (guint               n,
                const char * const *qualifiers,
                guint               n_qualifiers)
{
  g_autoptr(GString) xml = g_string_new (
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<atlas xmlns=\"urn:cluster-atlas:1\" version=\"1\">\n"
      "<title xml:lang=\"en\">Qualified</title>\n<metrics>\n"
      "<metric id=\"projects\" kind=\"count\"><name xml:lang=\"en\">Projects</name></metric>\n"
      "</metrics>\n<sources>\n"
      "<source id=\"s\" published=\"2024-01-01\" publisher=\"P\">"
      "<title xml:lang=\"en\">T</title></source>\n</sources>\n"
      "<region id=\"root\" kind=\"country\"><name xml:lang=\"en\">Root</name>\n");
  g_autoptr(GError) error = NULL;
  CaDataset *dataset;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml,
        "<park id=\"p%u\" kind=\"park\"><name xml:lang=\"en\">Park %u</name>"
        "<count metric=\"projects\" value=\"%u\" date=\"2024\" qualifier=\"%s\" source=\"s\"/>"
        "<goal metric=\"projects\" value=\"%u\" year=\"2025\" qualifier=\"%s\" source=\"s\"/>"
        "</park>\n", i, i, n - i, qualifiers[i % n_qualifiers], n - i,
        qualifiers[i % n_qualifiers]);
  g_string_append (xml, "</region>\n</atlas>\n");
  dataset = ca_dataset_load_data (xml->str, xml->len, "qualified.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* The last mark of @layout is the "others" sum: no node, no figure, a label
 * written with @expected's symbol, and at least one member of each of the
 * @n_members qualifiers among what it sums. */
static void
check_others_qualifier (CaChartLayout *layout,
                        guint          n_parks,
                        guint          n_members,
                        CaQualifier    expected)
{
  guint marks = ca_chart_layout_get_n_marks (layout);
  const CaChartMark *others = ca_chart_layout_get_mark (layout, marks - 1);
  const char *label = without_isolate (others->label);
  const char *symbol = ca_format_qualifier_symbol (expected);

  g_assert_cmpuint (marks, >, 1);
  g_assert_null (others->node);
  g_assert_null (others->figure);
  /* The others hold a member of every qualifier of the cycle. */
  g_assert_cmpuint (n_parks - (marks - 1), >=, n_members);
  if (*symbol == '\0')
    g_assert_true (g_ascii_isdigit (label[0]));
  else if (!g_str_has_prefix (label, symbol) || !g_ascii_isdigit (label[strlen (symbol) + 1]))
    g_error ("the others row reads “%s”, not “%s N”", label, symbol);
}

static void
test_others_qualifier (void)
{
  /* Exact only when every part is; exact or a shared lean keeps the lean (5 and at most 3 is
   * at most 8); any other mix is "about" (ca_qualifier_join). */
  const struct {
    const char *qualifiers[3];
    guint       n;
    CaQualifier expected;
  } cases[] = {
    { { "exact" }, 1, CA_QUALIFIER_EXACT },
    { { "at-least" }, 1, CA_QUALIFIER_AT_LEAST },
    { { "more-than" }, 1, CA_QUALIFIER_MORE_THAN },
    { { "nearly" }, 1, CA_QUALIFIER_NEARLY },
    { { "at-most" }, 1, CA_QUALIFIER_AT_MOST },
    { { "exact", "at-least" }, 2, CA_QUALIFIER_AT_LEAST },
    { { "more-than", "exact", "at-least" }, 3, CA_QUALIFIER_AT_LEAST },
    { { "exact", "about" }, 2, CA_QUALIFIER_ABOUT },
    { { "exact", "at-most" }, 2, CA_QUALIFIER_AT_MOST },
    { { "exact", "nearly" }, 2, CA_QUALIFIER_NEARLY },
    { { "nearly", "at-most" }, 2, CA_QUALIFIER_AT_MOST },
    { { "at-least", "nearly" }, 2, CA_QUALIFIER_ABOUT },
  };
  const guint n_parks = 120;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CaDataset) dataset = load_qualified (n_parks, cases[c].qualifiers, cases[c].n);
      const CaNode *root = ca_dataset_lookup_node (dataset, "root");
      g_autoptr(CaChartLayout) counts = chart_test_layout (root, CA_CHART_COUNTS, 900, 600);

      g_test_message ("case %u: %s…", c, cases[c].qualifiers[0]);
      check_others_qualifier (counts, n_parks, cases[c].n, cases[c].expected);
    }
}

/* --- end of the "others" qualifier block --------------------------------- */

/* On screen the title is 1.1 times the window's font, reckoned in points:
 * GTK gives 10 pt as 13.333 px (13653 Pango units), and its title must be
 * 11 pt, the size of libadwaita's .heading, not one unit short of it, or
 * Pango looks up a second set of fonts for a size that looks the same. */
static void
test_title_font (void)
{
  g_autoptr(CaDataset) dataset = chart_test_load_bundled ();
  const CaNode *node = ca_dataset_get_root (dataset, 0);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  const char *fonts[] = { "Sans 10", "Sans 13.333px", "Sans 11", "Sans 15px" };
  const int titles[] = { 11264, 11264, 12390, 12672 };

  pango_cairo_context_set_resolution (context, 96);
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      PangoFontDescription *font = pango_font_description_from_string (fonts[i]);
      CaChartOptions options = { CA_CHART_GOALS, 800, 600, 2026, TRUE, TRUE, font };
      g_autoptr(CaChartLayout) layout = NULL;

      if (pango_font_description_get_size_is_absolute (font))
        /* As GTK hands it over: 13.333 px rounded to Pango units. */
        pango_font_description_set_absolute_size (
          font, round (pango_font_description_get_size (font) / (double) PANGO_SCALE * 3) / 3
                * PANGO_SCALE);
      layout = ca_chart_layout_new (node, &options, context);
      g_test_message ("%s: title %d", fonts[i],
                      pango_font_description_get_size (layout->fonts[FONT_TITLE]));
      g_assert_false (pango_font_description_get_size_is_absolute (layout->fonts[FONT_TITLE]));
      g_assert_cmpint (pango_font_description_get_size (layout->fonts[FONT_TITLE]), ==, titles[i]);
      g_assert_cmpint (pango_font_description_get_weight (layout->fonts[FONT_TITLE]), ==,
                       PANGO_WEIGHT_BOLD);
      g_assert_true (pango_font_description_get_size (layout->fonts[FONT_BODY]) ==
                     pango_font_description_get_size (font));
      pango_font_description_free (font);
    }
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  ca_i18n_init ();
  ca_i18n_set_language ("en");

  g_test_add_func ("/chart/layout/kind-names", test_kind_names);
  g_test_add_func ("/chart/layout/wanted-height", test_wanted_height);
  g_test_add_func ("/chart/layout/axis", test_axis);
  g_test_add_func ("/chart/layout/title-and-sources", test_title_and_sources);
  g_test_add_func ("/chart/layout/title-font", test_title_font);
  g_test_add_func ("/chart/layout/goals-reached", test_goals_reached);
  g_test_add_func ("/chart/layout/counts-sorted", test_counts_sorted);
  g_test_add_func ("/chart/layout/counts-leaf", test_counts_leaf);
  g_test_add_func ("/chart/layout/timeline", test_timeline);
  g_test_add_func ("/chart/layout/one-figure", test_one_figure);
  g_test_add_func ("/chart/layout/zero-and-huge", test_zero_and_huge);
  g_test_add_func ("/chart/layout/qualifiers", test_qualifiers);
  g_test_add_func ("/chart/layout/no-figures", test_no_figures);
  g_test_add_func ("/chart/layout/bidi-isolated", test_bidi_isolated);
  g_test_add_func ("/chart/layout/idle-isolates", test_idle_isolates);
  g_test_add_func ("/chart/layout/many-children", test_many_children);
  g_test_add_func ("/chart/layout/fixtures", test_fixtures);
  g_test_add_func ("/chart/layout/bundled", test_bundled);
  g_test_add_func ("/chart/layout/others-qualifier", test_others_qualifier);
  return g_test_run ();
}

/* ca-figures-page.c: every figure of a dataset in one table, with facets
 * (ca-figures-page.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "ca-collate.h"
#include "ca-figure-item.h"
#include "ca-figure-list.h"
#include "ca-figures-page.h"
#include "ca-format.h"
#include "ca-i18n.h"
#include "ca-match.h"
#include "ca-node.h"
#include "ca-stack-page.h"
#include "ca-tag-box.h"

/* Values a facet shows before "Show All". */
#define FACET_SHORT 8

typedef struct {
  CaFiguresPage  *page;
  CaFigureColumn  column;
} Probe;

struct _CaFiguresPage
{
  AdwBin               parent_instance;

  GtkToggleButton     *facets_button;
  GtkSearchEntry      *text_entry;
  GtkToggleButton     *scope_all_button;
  GtkToggleButton     *scope_branch_button;
  GtkCheckButton      *narrow_tree_button;
  GtkWidget           *chips_row;
  CaTagBox            *chips_box;
  GtkLabel            *count_label;
  AdwFlap             *flap;
  GtkBox              *facets_box;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;

  CaDataset           *dataset;
  const CaNode        *selected;
  CaFigureTable       *table;
  CaFigureTable       *whole_table;  /* the whole dataset's, for the tree, when
                                      * the page lists a branch */
  gboolean             table_dirty;
  CaFacetFilter       *filter;
  CaFacetResult       *result;
  CaFigureList        *list;
  GHashTable          *tree_nodes;
  gboolean             expanded[CA_N_FACETS];
  guint                refresh_idle;
  guint                fit_columns_idle;
  gboolean             narrow;       /* folded: the table's main columns only */
  gboolean             refresh_pending;  /* until the page is shown */

  GHashTable          *bound;        /* GtkListItem: the cells bound */
  guint                generation;   /* of the rows, for rows_changed_cb () */

  Probe                probes[CA_N_FIGURE_COLUMNS];
  GtkColumnViewColumn *columns[CA_N_FIGURE_COLUMNS];  /* the view holds them */
  int                  probed;       /* the column a probe reached, or -1 */
};

enum {
  NODE_ACTIVATED,
  TREE_NODES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CaFiguresPage, ca_figures_page, ADW_TYPE_BIN)

static void schedule_refresh (CaFiguresPage *self);

/* Words ******************************************************************/

static const char *
facet_title (CaFacet facet)
{
  switch (facet)
    {
    case CA_FACET_TAG:
      return C_("facet", "Tag");
    case CA_FACET_METRIC:
      return C_("facet", "Metric");
    case CA_FACET_KIND:
      return C_("facet", "Kind");
    case CA_FACET_STATUS:
      return C_("facet", "Status");
    case CA_FACET_YEAR:
      return C_("facet", "Year due or reported");
    case CA_FACET_SOURCE:
      return C_("facet", "Source");
    case CA_FACET_BRANCH:
      return C_("facet", "Branch");
    case CA_N_FACETS:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

static const char *
kind_word (gboolean goal)
{
  return goal ? C_("figure kind", "Goal") : C_("figure kind", "Report");
}

/* How a value of a facet reads, in the interface language. */
static char *
value_label (CaFigureTable *table,
             CaFacet        facet,
             guint          value)
{
  const char *key = ca_figure_table_get_value_key (table, facet, value);
  gconstpointer data = ca_figure_table_get_value_data (table, facet, value);
  const char *data_lang = ca_i18n_get_data_language ();
  CaProgressStatus status;

  switch (facet)
    {
    case CA_FACET_METRIC:
      {
        const char *name = ca_text_lookup (&((const CaMetric *) data)->names, data_lang);

        return g_strdup (name != NULL ? name : key);
      }
    case CA_FACET_KIND:
      return g_strdup (kind_word (g_str_equal (key, "goal")));
    case CA_FACET_STATUS:
      if (ca_progress_status_from_token (key, &status))
        return g_strdup (ca_progress_status_word (NULL, status));
      break;
    case CA_FACET_SOURCE:
      {
        const CaSource *source = data;
        g_autofree char *date = ca_format_date (NULL, &source->published);

        /* Translators: a source in the facets: its publisher and the date
         * it was published ("ECHEMI, 26 November 2022"); the year alone
         * made two of one publisher look the same */
        return g_strdup_printf (C_("facet value", "%s, %s"),
                                ca_source_get_publisher (source, data_lang, NULL), date);
      }
    case CA_FACET_BRANCH:
      return g_strdup (ca_node_get_name (data, data_lang));
    case CA_FACET_TAG:
    case CA_FACET_YEAR:
    case CA_N_FACETS:
    default:
      break;
    }
  return g_strdup (key);
}

/* The cells ***************************************************************/

static char *
cell_text (CaFiguresPage  *self,
           CaFigureColumn  column,
           guint           row,
           char          **tooltip)
{
  const CaNode *node = ca_figure_table_get_node (self->table, row);
  const CaFigure *figure = ca_figure_table_get_figure (self->table, row);
  const char *data_lang = ca_i18n_get_data_language ();
  CaProgressStatus status;

  switch (column)
    {
    case CA_FIGURE_COLUMN_NODE:
      return g_strdup (ca_node_get_name (node, data_lang));
    case CA_FIGURE_COLUMN_PATH:
      return ca_match_format_path (node, NULL, FALSE);
    case CA_FIGURE_COLUMN_METRIC:
      {
        const char *name = ca_text_lookup (&figure->metric->names, data_lang);

        return g_strdup (name != NULL ? name : figure->metric->id);
      }
    case CA_FIGURE_COLUMN_KIND:
      return g_strdup (kind_word (figure->type == CA_FIGURE_GOAL));
    case CA_FIGURE_COLUMN_VALUE:
      return ca_format_figure_value_bare (NULL, figure);
    case CA_FIGURE_COLUMN_DATE:
      return figure->date.year > 0 ? ca_format_date (NULL, &figure->date) : g_strdup ("");
    case CA_FIGURE_COLUMN_STATUS:
      if (ca_figure_table_get_status (self->table, row, &status))
        return g_strdup (ca_progress_status_word (NULL, status));
      return g_strdup ("");
    case CA_FIGURE_COLUMN_SOURCE:
      if (figure->source == NULL)
        return g_strdup ("");
      *tooltip = ca_format_citation (NULL, figure->source);
      return g_strdup (ca_source_get_publisher (figure->source, data_lang, NULL));
    case CA_N_FIGURE_COLUMNS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* Cells are GtkInscriptions, made for list cells in GTK 4.8: a list view
 * there keeps some 200 rows of widgets and makes them anew when the rows
 * change, and an inscription costs less than a label to make and measure.
 * Their widths are in characters, as the column's content needs; below
 * the smallest the table scrolls sideways. */
static const struct {
  guint min, nat, narrow_min;   /* narrow_min: in a folded page (fit_columns ()) */
} cell_chars[CA_N_FIGURE_COLUMNS] = {
  { 14, 28, 9 }, { 12, 24, 12 }, { 14, 28, 9 }, { 6, 6, 6 }, { 16, 24, 11 }, { 15, 18, 15 },
  { 8, 12, 8 }, { 14, 28, 14 },
};

/* A cell's tooltip is asked for when the pointer rests on it: GTK 4.8's
 * gtk_widget_set_tooltip_text () asks the X server where the pointer is
 * (XIQueryPointer, a round trip) for every cell bound, which took most of
 * the half second that a facet chosen took to show its rows. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (cell), "ca-tooltip");

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  CaFiguresPage *self = user_data;
  CaFigureColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ca-column"));
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), cell_chars[column].nat);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), self->narrow ? cell_chars[column].narrow_min
                                                                      : cell_chars[column].min);
  g_object_set_data (G_OBJECT (cell), "ca-column", GINT_TO_POINTER (column));
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), column == CA_FIGURE_COLUMN_VALUE ? 1 : 0);
  if (column == CA_FIGURE_COLUMN_VALUE)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, cell);
  g_object_set_data (G_OBJECT (item), "ca-column", GINT_TO_POINTER (column));
}

/* Fills @item's cell with what its row holds now. */
static void
fill_cell (CaFiguresPage *self,
           GtkListItem   *item)
{
  CaFigureColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "ca-column"));
  GtkWidget *cell = gtk_list_item_get_child (item);
  g_autofree char *tooltip = NULL;
  g_autofree char *text = NULL;
  guint position = gtk_list_item_get_position (item);
  guint row;

  g_object_set_data (G_OBJECT (item), "ca-generation", GUINT_TO_POINTER (self->generation));
  if (self->table == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return;
  row = ca_figure_list_get_row (self->list, position);
  text = cell_text (self, column, row, &tooltip);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  /* The source's citation, for a screen reader too; else the whole text
   * where the column cuts it. */
  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    tooltip, -1);
  g_object_set_data_full (G_OBJECT (cell), "ca-tooltip",
                          tooltip != NULL ? g_steal_pointer (&tooltip) : g_steal_pointer (&text),
                          g_free);
  /* The row's node, for its menu (ca-window-compare.c). */
  g_object_set_data (G_OBJECT (cell), "ca-node",
                     (gpointer) ca_figure_table_get_node (self->table, row));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CaFiguresPage            *self)
{
  g_hash_table_add (self->bound, item);
  fill_cell (self, item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CaFiguresPage            *self)
{
  g_hash_table_remove (self->bound, item);
}

/* The rows on screen hold other figures (ca_figure_list_set_rows ()): back
 * to the top, as a new list, without a selection, and every cell bound
 * before filled again. */
static void
rows_changed_cb (CaFiguresPage *self)
{
  GtkSelectionModel *selection;
  GtkAdjustment *adjustment;
  GHashTableIter iter;
  gpointer item;

  if (self->column_view == NULL)   /* disposed */
    return;
  selection = gtk_column_view_get_model (self->column_view);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  self->generation++;
  if (GTK_IS_SINGLE_SELECTION (selection))
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection),
                                       GTK_INVALID_LIST_POSITION);
  if (adjustment != NULL)
    {
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->column_view),
                                                     GTK_TYPE_SCROLLED_WINDOW);

      /* A scroll still gliding would carry the list away from the top:
       * turning kinetic scrolling off stops it. */
      if (scroller != NULL &&
          gtk_scrolled_window_get_kinetic_scrolling (GTK_SCROLLED_WINDOW (scroller)))
        {
          gtk_scrolled_window_set_kinetic_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
          gtk_scrolled_window_set_kinetic_scrolling (GTK_SCROLLED_WINDOW (scroller), TRUE);
        }
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (GPOINTER_TO_UINT (g_object_get_data (item, "ca-generation")) != self->generation)
      fill_cell (self, item);
}

/* Sorting ****************************************************************/

/* GTK 4.8's GtkColumnViewSorter does not say which column it sorts by (that
 * came in 4.10).  It compares with its columns' sorters in turn, the
 * primary first, and inverts a descending one: each column's sorter is a
 * probe that notes its column and answers "smaller", so one comparison
 * tells both the column and the order. */
static int
probe_cb (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  Probe *probe = user_data;

  if (probe->page->probed < 0)
    probe->page->probed = probe->column;
  return GTK_ORDERING_SMALLER;
}

static gboolean
get_sort (CaFiguresPage  *self,
          CaFigureColumn *column,
          gboolean       *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probed = -1;
  /* Two objects: gtk_sorter_compare () finds an item equal to itself. */
  order = gtk_sorter_compare (sorter, self, self->list);
  if (self->probed < 0 || order == GTK_ORDERING_EQUAL)
    return FALSE;
  *column = self->probed;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

/* Puts @rows (taken) in the order the columns' headers ask for, and shows them. */
static void
show_rows (CaFiguresPage *self,
           GArray        *rows)
{
  CaFigureColumn column;
  gboolean descending;

  if (rows != NULL && get_sort (self, &column, &descending))
    ca_figure_table_sort (self->table, rows, column, descending);
  ca_figure_list_set_rows (self->list, rows != NULL ? self->table : NULL, rows);
}

static void
sorter_changed_cb (CaFiguresPage *self)
{
  GArray *rows = ca_figure_list_get_rows (self->list);

  /* Also when the columns go with a disposed page. */
  if (rows == NULL || self->column_view == NULL)
    return;
  /* The table's order first, so that a sort's ties are in it. */
  rows = g_array_copy (self->result->rows);
  show_rows (self, rows);
}

static void
add_column (CaFiguresPage  *self,
            CaFigureColumn  column,
            const char     *title,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), "ca-column", GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  self->probes[column].page = self;
  self->probes[column].column = column;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_cb, &self->probes[column], NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
}

static void
init_columns (CaFiguresPage *self)
{
  GtkSingleSelection *selection;

  self->list = ca_figure_list_new ();
  self->bound = g_hash_table_new (NULL, NULL);
  g_signal_connect_object (self->list, "rows-changed", G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* What a figure is and says first, where an 800 px window shows it (the
   * Value column was scrolled out of sight); the path, long, last. */
  add_column (self, CA_FIGURE_COLUMN_NODE, C_("figures column", "Place"), TRUE);
  add_column (self, CA_FIGURE_COLUMN_METRIC, C_("figures column", "Metric"), FALSE);
  add_column (self, CA_FIGURE_COLUMN_VALUE, C_("figures column", "Value"), FALSE);
  add_column (self, CA_FIGURE_COLUMN_DATE, C_("figures column", "Year or date"), FALSE);
  add_column (self, CA_FIGURE_COLUMN_KIND, C_("figures column", "Kind"), FALSE);
  add_column (self, CA_FIGURE_COLUMN_STATUS, C_("figures column", "Status"), FALSE);
  add_column (self, CA_FIGURE_COLUMN_SOURCE, C_("figures column", "Source"), TRUE);
  add_column (self, CA_FIGURE_COLUMN_PATH, C_("figures column", "Path"), TRUE);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
activate_cb (CaFiguresPage *self,
             guint          position)
{
  if (self->table == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return;
  g_signal_emit (self, signals[NODE_ACTIVATED], 0,
                 ca_figure_table_get_node (self->table,
                                           ca_figure_list_get_row (self->list, position)));
}

/* The facets ***************************************************************/

typedef struct {
  guint  value;
  guint  count;
  char  *label;
  char  *key;     /* the label's collation key in the interface language */
} Shown;

static void
shown_clear (gpointer data)
{
  g_free (((Shown *) data)->label);
  g_free (((Shown *) data)->key);
}

/* Years and statuses in their own order; other values by how many figures
 * have them, then by name in the reader's order (Chinese by pinyin, which
 * g_utf8_collate () gives only in a Chinese locale). */
static int
compare_shown (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Shown *sa = a, *sb = b;
  CaFacet facet = GPOINTER_TO_INT (user_data);

  if (facet == CA_FACET_YEAR)
    return g_strcmp0 (sa->label, sb->label);
  if (facet != CA_FACET_STATUS && sa->count != sb->count)
    return sa->count > sb->count ? -1 : 1;
  return strcmp (sa->key, sb->key);
}

static void
value_toggled_cb (GtkCheckButton *button,
                  CaFiguresPage  *self)
{
  CaFacet facet = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ca-facet"));
  const char *key = g_object_get_data (G_OBJECT (button), "ca-key");

  ca_figures_page_set_value (self, facet, key, gtk_check_button_get_active (button));
}

/* A check button whose label holds the value and its count, so that a
 * click on either toggles it and a screen reader says both. */
static GtkWidget *
value_row (CaFiguresPage *self,
           CaFacet        facet,
           const Shown   *shown)
{
  const char *key = ca_figure_table_get_value_key (self->table, facet, shown->value);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (shown->label);
  g_autofree char *number = ca_format_number (shown->count);
  GtkWidget *count = gtk_label_new (number);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  /* A source's whole citation: two may share a publisher and a year. */
  if (facet == CA_FACET_SOURCE)
    {
      g_autofree char *citation =
        ca_format_citation (NULL, ca_figure_table_get_value_data (self->table, facet,
                                                                  shown->value));

      gtk_widget_set_tooltip_text (check, citation);
    }
  else
    gtk_widget_set_tooltip_text (check, shown->label);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               ca_facet_filter_has (self->filter, facet, key));
  g_object_set_data (G_OBJECT (check), "ca-facet", GINT_TO_POINTER (facet));
  g_object_set_data_full (G_OBJECT (check), "ca-key", g_strdup (key), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (value_toggled_cb), self, 0);
  gtk_widget_add_css_class (check, "ca-facet-value");
  return check;
}

static void
more_clicked_cb (GtkButton     *button,
                 CaFiguresPage *self)
{
  CaFacet facet = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ca-facet"));

  self->expanded[facet] = !self->expanded[facet];
  schedule_refresh (self);
}

/* The values worth a row: those some figure would match, and the chosen. */
static GArray *
shown_values (CaFiguresPage *self,
              CaFacet        facet)
{
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (Shown));
  const GArray *counts = self->result->counts[facet];

  g_array_set_clear_func (shown, shown_clear);
  for (guint v = 0; v < counts->len; v++)
    {
      Shown item = { v, g_array_index (counts, guint, v), NULL, NULL };
      const char *key = ca_figure_table_get_value_key (self->table, facet, v);

      if (item.count == 0 && !ca_facet_filter_has (self->filter, facet, key))
        continue;
      item.label = value_label (self->table, facet, v);
      item.key = ca_collate_key (item.label, NULL);
      g_array_append_val (shown, item);
    }
  g_array_sort_with_data (shown, compare_shown, GINT_TO_POINTER (facet));
  return shown;
}

static void
add_facet (CaFiguresPage *self,
           CaFacet        facet)
{
  g_autoptr(GArray) shown = shown_values (self, facet);
  GtkWidget *heading, *list;

  if (shown->len == 0)
    return;
  heading = gtk_label_new (facet_title (facet));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (self->facets_box, heading);
  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);
  /* Folded, the first values and any chosen value past them: a value in
   * the filter is never hidden behind Show All. */
  for (guint i = 0; i < shown->len; i++)
    {
      const Shown *item = &g_array_index (shown, Shown, i);

      if (self->expanded[facet] || i < FACET_SHORT ||
          ca_facet_filter_has (self->filter, facet,
                               ca_figure_table_get_value_key (self->table, facet, item->value)))
        gtk_box_append (GTK_BOX (list), value_row (self, facet, item));
    }
  gtk_box_append (self->facets_box, list);
  if (shown->len > FACET_SHORT)
    {
      g_autofree char *label = NULL;
      GtkWidget *more;

      /* Translators: a button under a facet's first values; %u is how many it has */
      label = self->expanded[facet] ? g_strdup (_("Show Fewer"))
              : g_strdup_printf (ngettext ("Show All %u", "Show All %u", shown->len), shown->len);
      more = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (more, "flat");
      gtk_widget_set_halign (more, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (more), "ca-facet", GINT_TO_POINTER (facet));
      g_signal_connect_object (more, "clicked", G_CALLBACK (more_clicked_cb), self, 0);
      gtk_box_append (self->facets_box, more);
    }
}

static void
rebuild_facets (CaFiguresPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facets_box))) != NULL)
    gtk_box_remove (self->facets_box, child);
  if (self->result == NULL)
    return;
  for (guint f = 0; f < CA_N_FACETS; f++)
    add_facet (self, f);
}

/* The chips of the filter ****************************************************/

static void
chip_remove_cb (GtkButton     *button,
                CaFiguresPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "ca-key");
  int facet = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "ca-facet"));

  if (facet < 0)
    gtk_editable_set_text (GTK_EDITABLE (self->text_entry), "");
  else
    ca_figures_page_set_value (self, facet, key, FALSE);
}

static void
add_chip (CaFiguresPage *self,
          int            facet,
          const char    *key,
          const char    *text)
{
  /* Translators: the remove button of a filter's chip; %s is what it filters by */
  g_autofree char *name = g_strdup_printf (_("Remove “%s”"), text);
  GtkWidget *remove = ca_tag_box_add_chip (self->chips_box, text, name);

  g_object_set_data (G_OBJECT (remove), "ca-facet", GINT_TO_POINTER (facet));
  g_object_set_data_full (G_OBJECT (remove), "ca-key", g_strdup (key), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (chip_remove_cb), self, 0);
}

static void
rebuild_chips (CaFiguresPage *self)
{
  const char *text = ca_facet_filter_get_text (self->filter);

  ca_tag_box_remove_all (self->chips_box);
  for (guint f = 0; f < CA_N_FACETS; f++)
    for (guint k = 0; k < ca_facet_filter_get_n_keys (self->filter, f); k++)
      {
        const char *key = ca_facet_filter_get_key (self->filter, f, k);
        g_autofree char *value = NULL;
        g_autofree char *chip = NULL;
        guint index;

        if (self->table != NULL && ca_figure_table_lookup_value (self->table, f, key, &index))
          value = value_label (self->table, f, index);
        /* Translators: a chip of the filter: the facet, then its value ("Tag: new-materials") */
        chip = g_strdup_printf (C_("filter chip", "%s: %s"), facet_title (f),
                                value != NULL ? value : key);
        add_chip (self, f, key, chip);
      }
  if (text != NULL)
    {
      /* Translators: the chip of the filter's text; %s is the text */
      g_autofree char *chip = g_strdup_printf (C_("filter chip", "Text: %s"), text);

      add_chip (self, -1, text, chip);
    }
  gtk_widget_set_visible (self->chips_row, !ca_facet_filter_is_empty (self->filter));
}

/* Refreshing ****************************************************************/

static void
ensure_table (CaFiguresPage *self)
{
  gboolean branch = gtk_toggle_button_get_active (self->scope_branch_button);
  CaDate today;

  if (!self->table_dirty && self->table != NULL)
    return;
  self->table_dirty = FALSE;
  ca_figure_list_set_rows (self->list, NULL, NULL);
  g_clear_pointer (&self->result, ca_facet_result_free);
  g_clear_pointer (&self->table, ca_figure_table_free);
  if (self->dataset == NULL)
    {
      g_clear_pointer (&self->whole_table, ca_figure_table_free);
      return;
    }
  today = ca_progress_today ();
  self->table = ca_figure_table_new (self->dataset, branch ? self->selected : NULL, NULL,
                                     &today);
}

static void
update_count (CaFiguresPage *self)
{
  guint shown = self->result != NULL ? self->result->rows->len : 0;
  guint all = self->table != NULL ? ca_figure_table_get_n_rows (self->table) : 0;
  g_autofree char *n_shown = ca_format_number (shown);
  g_autofree char *n_all = ca_format_number (all);
  g_autofree char *text = NULL;

  if (shown == all)
    /* Translators: how many figures the page lists; %s is the number */
    text = g_strdup_printf (ngettext ("%s figure", "%s figures", all), n_all);
  else
    /* Translators: how many figures the filter keeps: "12 of 1,204 figures" */
    text = g_strdup_printf (ngettext ("%s of %s figure", "%s of %s figures", all),
                            n_shown, n_all);
  gtk_label_set_text (self->count_label, text);
}

/* The tree is narrowed by the filter over the whole dataset, whatever the
 * page lists: narrowed to the selected branch, the tree would lose the
 * other branches, and the branch follows the tree's selection. */
static GHashTable *
collect_tree_nodes (CaFiguresPage *self)
{
  g_autoptr(CaFacetResult) whole = NULL;
  CaDate today;

  if (ca_figure_table_get_scope (self->table) == NULL)
    return ca_figure_table_collect_nodes (self->table, self->result->rows);
  if (self->whole_table == NULL)
    {
      today = ca_progress_today ();
      self->whole_table = ca_figure_table_new (self->dataset, NULL, NULL, &today);
    }
  whole = ca_figure_table_apply (self->whole_table, self->filter);
  return ca_figure_table_collect_nodes (self->whole_table, whole->rows);
}

static void
update_tree_nodes (CaFiguresPage *self)
{
  gboolean narrow = gtk_check_button_get_active (self->narrow_tree_button);

  if (!narrow && self->tree_nodes == NULL)
    return;
  g_clear_pointer (&self->tree_nodes, g_hash_table_unref);
  if (narrow && self->result != NULL)
    self->tree_nodes = collect_tree_nodes (self);
  g_signal_emit (self, signals[TREE_NODES_CHANGED], 0);
}

/* Only a page on screen is brought up to date: the table of a big dataset
 * takes a tenth of a second to make, which opening a file need not wait
 * for.  A page not shown is refreshed when it is. */
static void
refresh (CaFiguresPage *self)
{
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->refresh_pending = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->refresh_pending)
    return;
  ensure_table (self);
  g_clear_pointer (&self->result, ca_facet_result_free);
  if (self->table != NULL)
    {
      self->result = ca_figure_table_apply (self->table, self->filter);
      show_rows (self, g_array_copy (self->result->rows));
    }
  else
    show_rows (self, NULL);
  update_count (self);
  rebuild_chips (self);
  rebuild_facets (self);
  update_tree_nodes (self);
  ca_stack_show_page (self->list_stack,
                      self->result != NULL && self->result->rows->len == 0 ? "empty" : "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "figures.clear",
                                 !ca_facet_filter_is_empty (self->filter));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CaFiguresPage *self = user_data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* A facet's check button changes the filter from its own "toggled": the
 * rows are rebuilt after it returns. */
static void
schedule_refresh (CaFiguresPage *self)
{
  if (self->column_view == NULL)   /* disposed */
    return;
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
scope_toggled_cb (CaFiguresPage   *self,
                  GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->table_dirty = TRUE;
  schedule_refresh (self);
}

static void
text_changed_cb (CaFiguresPage *self)
{
  if (ca_facet_filter_set_text (self->filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->text_entry))))
    schedule_refresh (self);
}

static void
clear_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  CaFiguresPage *self = CA_FIGURES_PAGE (widget);

  if (!ca_facet_filter_clear (self->filter))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), "");
  schedule_refresh (self);
}

static void
map_cb (CaFiguresPage *self)
{
  if (self->refresh_pending)
    refresh (self);
}

static void
set_narrow_cells (GtkWidget *widget,
                  gboolean   narrow)
{
  if (GTK_IS_INSCRIPTION (widget))
    {
      CaFigureColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "ca-column"));

      gtk_inscription_set_min_chars (GTK_INSCRIPTION (widget),
                                     narrow ? cell_chars[column].narrow_min
                                            : cell_chars[column].min);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_narrow_cells (child, narrow);
}

/* A window too narrow for the facets beside the table is too narrow for
 * all its columns: place, metric and value stay, in sight, their cells
 * allowed to be narrower; the others are a double-click away, in the
 * place's details.  After the allocation that folded the flap: a widget
 * shown or hidden from inside it is drawn before it has a size (GTK warns
 * "Trying to snapshot GtkBox without a current allocation", as the Facets
 * button's row did at 360 px). */
static gboolean
fit_columns_idle_cb (gpointer user_data)
{
  static const CaFigureColumn secondary[] = {
    CA_FIGURE_COLUMN_DATE, CA_FIGURE_COLUMN_KIND, CA_FIGURE_COLUMN_STATUS,
    CA_FIGURE_COLUMN_SOURCE, CA_FIGURE_COLUMN_PATH,
  };
  CaFiguresPage *self = user_data;

  self->fit_columns_idle = 0;
  if (self->flap == NULL)
    return G_SOURCE_REMOVE;
  self->narrow = adw_flap_get_folded (self->flap);
  /* The Facets button is shown then, as the flap that it opens folds. */
  gtk_widget_set_visible (GTK_WIDGET (self->facets_button), self->narrow);
  for (guint i = 0; i < G_N_ELEMENTS (secondary); i++)
    gtk_column_view_column_set_visible (self->columns[secondary[i]], !self->narrow);
  set_narrow_cells (GTK_WIDGET (self->column_view), self->narrow);
  return G_SOURCE_REMOVE;
}

/* Folded, the facets cover the table: they open when asked for. */
static void
folded_cb (CaFiguresPage *self)
{
  gtk_toggle_button_set_active (self->facets_button, !adw_flap_get_folded (self->flap));
  if (self->fit_columns_idle == 0)
    self->fit_columns_idle = g_idle_add (fit_columns_idle_cb, self);
}

/* GObject *****************************************************************/

static void
ca_figures_page_dispose (GObject *object)
{
  CaFiguresPage *self = CA_FIGURES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CA_TYPE_FIGURES_PAGE);
  /* After the template: its scope buttons, ungrouped as they go, toggle. */
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_handle_id (&self->fit_columns_idle, g_source_remove);

  G_OBJECT_CLASS (ca_figures_page_parent_class)->dispose (object);
}

static void
ca_figures_page_finalize (GObject *object)
{
  CaFiguresPage *self = CA_FIGURES_PAGE (object);

  g_clear_object (&self->list);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->result, ca_facet_result_free);
  g_clear_pointer (&self->table, ca_figure_table_free);
  g_clear_pointer (&self->whole_table, ca_figure_table_free);
  g_clear_pointer (&self->filter, ca_facet_filter_free);
  g_clear_pointer (&self->tree_nodes, g_hash_table_unref);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (ca_figures_page_parent_class)->finalize (object);
}

static void
ca_figures_page_class_init (CaFiguresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_figures_page_dispose;
  object_class->finalize = ca_figures_page_finalize;

  /* The node of the row activated, for the window to show. */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* ca_figures_page_get_tree_nodes () changed. */
  signals[TREE_NODES_CHANGED] =
    g_signal_new ("tree-nodes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CA_TYPE_TAG_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/clusteratlas/ClusterAtlas/ca-figures-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CaFiguresPage, name)
  BIND (facets_button);
  BIND (text_entry);
  BIND (scope_all_button);
  BIND (scope_branch_button);
  BIND (narrow_tree_button);
  BIND (chips_row);
  BIND (chips_box);
  BIND (count_label);
  BIND (flap);
  BIND (facets_box);
  BIND (list_stack);
  BIND (column_view);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled_cb);
  gtk_widget_class_install_action (widget_class, "figures.clear", NULL, clear_cb);
}

static void
ca_figures_page_init (CaFiguresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = ca_facet_filter_new ();
  self->probed = -1;
  init_columns (self);
  g_object_bind_property (self->facets_button, "active", self->flap, "reveal-flap",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_widget_set_visible (GTK_WIDGET (self->facets_button), adw_flap_get_folded (self->flap));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_entry, "search-changed", G_CALLBACK (text_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->narrow_tree_button, "toggled",
                           G_CALLBACK (update_tree_nodes), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "figures.clear", FALSE);
}

GtkWidget *
ca_figures_page_new (void)
{
  return g_object_new (CA_TYPE_FIGURES_PAGE, NULL);
}

void
ca_figures_page_set_dataset (CaFiguresPage *self,
                             CaDataset     *dataset)
{
  g_return_if_fail (CA_IS_FIGURES_PAGE (self));

  if (!g_set_object (&self->dataset, dataset))
    return;
  g_clear_pointer (&self->whole_table, ca_figure_table_free);
  self->selected = NULL;
  self->table_dirty = TRUE;
  refresh (self);
}

void
ca_figures_page_set_selected_node (CaFiguresPage *self,
                                   const CaNode  *node)
{
  g_return_if_fail (CA_IS_FIGURES_PAGE (self));

  if (self->selected == node)
    return;
  self->selected = node;
  if (gtk_toggle_button_get_active (self->scope_branch_button))
    {
      self->table_dirty = TRUE;
      schedule_refresh (self);
    }
}

void
ca_figures_page_show_tag (CaFiguresPage *self,
                          const char    *tag)
{
  g_return_if_fail (CA_IS_FIGURES_PAGE (self));
  g_return_if_fail (tag != NULL);

  ca_facet_filter_clear (self->filter);
  ca_facet_filter_set (self->filter, CA_FACET_TAG, tag, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), "");
  gtk_toggle_button_set_active (self->scope_all_button, TRUE);
  refresh (self);
}

void
ca_figures_page_copy_state (CaFiguresPage *self,
                            CaFiguresPage *from)
{
  CaFigureColumn column;
  gboolean descending;
  const char *text;

  g_return_if_fail (CA_IS_FIGURES_PAGE (self));
  g_return_if_fail (CA_IS_FIGURES_PAGE (from));

  ca_facet_filter_free (self->filter);
  self->filter = ca_facet_filter_copy (from->filter);
  /* The entry's text, which the filter gets only once typing pauses. */
  text = gtk_editable_get_text (GTK_EDITABLE (from->text_entry));
  ca_facet_filter_set_text (self->filter, text);
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), text);
  gtk_toggle_button_set_active (gtk_toggle_button_get_active (from->scope_branch_button)
                                ? self->scope_branch_button : self->scope_all_button, TRUE);
  gtk_check_button_set_active (self->narrow_tree_button,
                               gtk_check_button_get_active (from->narrow_tree_button));
  memcpy (self->expanded, from->expanded, sizeof self->expanded);
  if (get_sort (from, &column, &descending))
    gtk_column_view_sort_by_column (self->column_view, self->columns[column],
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->table_dirty = TRUE;
  schedule_refresh (self);
}

void
ca_figures_page_set_narrow_tree (CaFiguresPage *self,
                                 gboolean       narrow)
{
  g_return_if_fail (CA_IS_FIGURES_PAGE (self));

  gtk_check_button_set_active (self->narrow_tree_button, narrow);
}

void
ca_figures_page_focus_text (CaFiguresPage *self)
{
  g_return_if_fail (CA_IS_FIGURES_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->text_entry), 0, -1);
}

const CaFacetFilter *
ca_figures_page_get_filter (CaFiguresPage *self)
{
  g_return_val_if_fail (CA_IS_FIGURES_PAGE (self), NULL);

  return self->filter;
}

void
ca_figures_page_set_value (CaFiguresPage *self,
                           CaFacet        facet,
                           const char    *key,
                           gboolean       chosen)
{
  g_return_if_fail (CA_IS_FIGURES_PAGE (self));

  if (ca_facet_filter_set (self->filter, facet, key, chosen))
    schedule_refresh (self);
}

guint
ca_figures_page_get_n_rows (CaFiguresPage *self)
{
  g_return_val_if_fail (CA_IS_FIGURES_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->list));
}

GArray *
ca_figures_page_get_figure_refs (CaFiguresPage *self)
{
  guint n_rows;
  GArray *refs;

  g_return_val_if_fail (CA_IS_FIGURES_PAGE (self), NULL);

  n_rows = ca_figures_page_get_n_rows (self);
  refs = g_array_sized_new (FALSE, FALSE, sizeof (CaFigureRef), n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      guint row = ca_figure_list_get_row (self->list, i);
      CaFigureRef ref = {
        ca_figure_table_get_node (self->table, row),
        ca_figure_table_get_figure (self->table, row),
      };

      g_array_append_val (refs, ref);
    }
  return refs;
}

GHashTable *
ca_figures_page_get_tree_nodes (CaFiguresPage *self)
{
  g_return_val_if_fail (CA_IS_FIGURES_PAGE (self), NULL);

  return self->tree_nodes;
}

GtkColumnViewColumn *
ca_figures_page_get_column (CaFiguresPage  *self,
                            CaFigureColumn  column)
{
  g_return_val_if_fail (CA_IS_FIGURES_PAGE (self), NULL);
  g_return_val_if_fail (column < CA_N_FIGURE_COLUMNS, NULL);

  return self->columns[column];
}

GtkColumnView *
ca_figures_page_get_column_view (CaFiguresPage *self)
{
  g_return_val_if_fail (CA_IS_FIGURES_PAGE (self), NULL);

  return self->column_view;
}

GtkWidget *
ca_figures_page_get_facets_box (CaFiguresPage *self)
{
  g_return_val_if_fail (CA_IS_FIGURES_PAGE (self), NULL);

  return GTK_WIDGET (self->facets_box);
}

/* ca-figures-page.h: every figure of a dataset in one table, with facets
 *
 * The window's second page: the figures of the whole dataset or of the
 * selected branch in a GtkColumnView sortable by every column, facets with
 * counts beside it (ca-facets.h), the filter as chips, and a switch that
 * narrows the window's tree to the places that hold the figures listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ca-csv.h"
#include "ca-facets.h"

G_BEGIN_DECLS

#define CA_TYPE_FIGURES_PAGE (ca_figures_page_get_type ())
G_DECLARE_FINAL_TYPE (CaFiguresPage, ca_figures_page, CA, FIGURES_PAGE, AdwBin)

GtkWidget           *ca_figures_page_new               (void);
void                 ca_figures_page_set_dataset       (CaFiguresPage *self,
                                                        CaDataset     *dataset);
/* The node the window has selected: the branch of "Selected branch". */
void                 ca_figures_page_set_selected_node (CaFiguresPage *self,
                                                        const CaNode  *node);
/* Shows the figures tagged @tag: the filter is cleared, then the tag
 * chosen, over the whole dataset. */
void                 ca_figures_page_show_tag          (CaFiguresPage *self,
                                                        const char    *tag);
/* Takes over @from's filter, scope, narrowed tree, sort and open facets:
 * the page of a window rebuilt in another language. */
void                 ca_figures_page_copy_state        (CaFiguresPage *self,
                                                        CaFiguresPage *from);
/* Narrows the window's tree to the places of the figures listed, or not
 * (the page's "Narrow the tree"). */
void                 ca_figures_page_set_narrow_tree   (CaFiguresPage *self,
                                                        gboolean       narrow);
/* Puts the typing in the text filter, its text selected (Ctrl+F). */
void                 ca_figures_page_focus_text        (CaFiguresPage *self);
const CaFacetFilter *ca_figures_page_get_filter        (CaFiguresPage *self);
/* Chooses or drops a value of a facet, as clicking it does. */
void                 ca_figures_page_set_value         (CaFiguresPage *self,
                                                        CaFacet        facet,
                                                        const char    *key,
                                                        gboolean       chosen);
/* The figures listed, in the order shown. */
guint                ca_figures_page_get_n_rows        (CaFiguresPage *self);
GArray              *ca_figures_page_get_figure_refs   (CaFiguresPage *self);
/* When the tree is narrowed, the nodes it keeps (see
 * ca_figure_table_collect_nodes ()); NULL when it is not. */
GHashTable          *ca_figures_page_get_tree_nodes    (CaFiguresPage *self);
GtkColumnView       *ca_figures_page_get_column_view   (CaFiguresPage *self);
/* The table's column of @column, wherever it is shown. */
GtkColumnViewColumn *ca_figures_page_get_column        (CaFiguresPage  *self,
                                                        CaFigureColumn  column);
/* The facets' sidebar, for tests. */
GtkWidget           *ca_figures_page_get_facets_box    (CaFiguresPage *self);

G_END_DECLS

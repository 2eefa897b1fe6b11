/* ca-citation-popover.h: the citation of one source, in a popover
 *
 * It shows the publisher, date and title, a button that copies the citation
 * as text and, when the source has an address, a link that opens it in the
 * browser, and one for its archived copy.  For a figure, also its source's
 * words (each quote in its language), the editor's note, and every further
 * source that states the figure with its words and addresses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ca-model-types.h"

G_BEGIN_DECLS

#define CA_TYPE_CITATION_POPOVER (ca_citation_popover_get_type ())
G_DECLARE_FINAL_TYPE (CaCitationPopover, ca_citation_popover, CA, CITATION_POPOVER, GtkPopover)

GtkWidget      *ca_citation_popover_new        (const CaSource    *source);
/* The source belongs to its dataset, which must outlive the popover. */
void            ca_citation_popover_set_source (CaCitationPopover *self,
                                                const CaSource    *source);
const CaSource *ca_citation_popover_get_source (CaCitationPopover *self);
/* The figure, a figure of @node, and its sources; the citation copied is
 * that of its own source (figure->source). */
GtkWidget      *ca_citation_popover_new_for_figure (const CaNode      *node,
                                                    const CaFigure    *figure);
void            ca_citation_popover_set_figure (CaCitationPopover *self,
                                                const CaNode      *node,
                                                const CaFigure    *figure);

G_END_DECLS

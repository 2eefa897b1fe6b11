#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Gives @page its icon when it is first shown, not when it is built.
 * GTK loads a GtkImage's icon as soon as its style is computed, even on a
 * stack page that is not shown, and a page that only shows when something
 * is missing (no dataset, no node) would otherwise cost every launch an
 * icon load (for SVG icons, the SVG library too) before the first frame.
 * @icon_name must be a static string. */
void ca_status_page_set_icon_when_shown (AdwStatusPage *page,
                                         const char    *icon_name);

G_END_DECLS

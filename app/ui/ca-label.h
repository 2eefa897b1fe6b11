/* ca-label.h: the wrapped labels of the details pane and the citation popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A label aligned to the start that wraps at words, or inside a word too
 * long for the line (Chinese has no spaces), with @css_class if given. */
GtkWidget *ca_label_new_wrapped (const char *text,
                                 const char *css_class);

G_END_DECLS

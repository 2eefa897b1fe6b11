/* ca-stack-page.h: stacks whose pages other than the one shown are hidden
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows the page @name of @stack and hides the page it replaces.
 *
 * The window's stacks keep only the page shown visible.  GTK computes the
 * style of every visible widget, shown or not, and loads the icon of every
 * visible image: pages that only show when something is missing (no
 * dataset, no node, no search match) are left hidden in the .ui files so
 * that a launch does not pay for them before its first frame, and a page
 * left is hidden again. */
void ca_stack_show_page (GtkStack   *stack,
                         const char *name);

G_END_DECLS

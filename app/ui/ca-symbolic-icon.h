/* ca-symbolic-icon.h: a .symbolic.png from the resources as a symbolic icon
 *
 * A symbolic icon drawn from a .symbolic.png in the resources, recoloured
 * with the widget's foreground (and success, warning, error) colours like a
 * symbolic icon of the theme.  It lets the tree show its icons without
 * putting the resources in the icon theme (see ca_application_new ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CA_TYPE_SYMBOLIC_ICON (ca_symbolic_icon_get_type ())
G_DECLARE_FINAL_TYPE (CaSymbolicIcon, ca_symbolic_icon, CA, SYMBOLIC_ICON, GObject)

/* @resource_path: a .symbolic.png drawn at @size × @scale pixels. */
GdkPaintable *ca_symbolic_icon_new (const char *resource_path,
                                    int         size,
                                    int         scale);

G_END_DECLS

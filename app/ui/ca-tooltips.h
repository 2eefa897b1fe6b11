/* ca-tooltips.h: tooltips that do not wrap Chinese text a character a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Once per process, before the first tooltip; see ca-tooltips.c. */
void ca_tooltips_init (void);

G_END_DECLS

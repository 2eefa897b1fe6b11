/* ca-tag-box.h: a node's tags as pills that wrap onto new lines
 *
 * Each pill is as wide as its text, and the pills run in the direction of
 * the text (GtkFlowBox lines them up in columns, which leaves ragged gaps
 * between short and long tags).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CA_TYPE_TAG_BOX (ca_tag_box_get_type ())
G_DECLARE_FINAL_TYPE (CaTagBox, ca_tag_box, CA, TAG_BOX, GtkWidget)

void       ca_tag_box_remove_all (CaTagBox   *self);
void       ca_tag_box_add_tag   (CaTagBox   *self,
                                 const char *tag);
/* Any widget, wrapped as the tags are: the Figures page's chips. */
void       ca_tag_box_add_widget (CaTagBox  *self,
                                  GtkWidget *child);
/* A chip: @text and a button named @remove_name that takes it out, which
 * is returned for the caller to connect ("clicked"). */
GtkWidget *ca_tag_box_add_chip   (CaTagBox   *self,
                                  const char *text,
                                  const char *remove_name);

G_END_DECLS

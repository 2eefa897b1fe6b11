/* ca-status-icon.c: status pages that get their icon when first shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ca-status-icon.h"

#define ICON_KEY "ca-status-icon-name"

static void
page_mapped_cb (AdwStatusPage *page)
{
  if (adw_status_page_get_icon_name (page) == NULL)
    adw_status_page_set_icon_name (page, g_object_get_data (G_OBJECT (page), ICON_KEY));
}

void
ca_status_page_set_icon_when_shown (AdwStatusPage *page,
                                    const char    *icon_name)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));
  g_return_if_fail (icon_name != NULL);

  g_object_set_data (G_OBJECT (page), ICON_KEY, (gpointer) icon_name);
  g_signal_connect (page, "map", G_CALLBACK (page_mapped_cb), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    page_mapped_cb (page);
}

/* ca-stack-page.c: stacks whose pages other than the one shown are hidden.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ca-stack-page.h"

void
ca_stack_show_page (GtkStack   *stack,
                    const char *name)
{
  GtkWidget *page;
  GtkWidget *previous;

  g_return_if_fail (GTK_IS_STACK (stack));

  page = gtk_stack_get_child_by_name (stack, name);
  g_return_if_fail (page != NULL);

  previous = gtk_stack_get_visible_child (stack);
  /* A stack ignores a hidden child, so show it before switching to it; hide
   * the previous page only after, or the stack would pick another itself. */
  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
  if (previous != NULL && previous != page)
    gtk_widget_set_visible (previous, FALSE);
}

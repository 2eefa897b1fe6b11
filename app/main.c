/* main.c: the entry point of cluster-atlas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ca-application.h"
#include "ca-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaApplication) app = NULL;

  ca_i18n_init ();
  /* ca_i18n_init () chose the locale, C.UTF-8 rather than C, in which
   * gettext follows LANGUAGE and so the language menu: gtk_init () must
   * not set it back, from the main loop, with threads running. */
  gtk_disable_setlocale ();
  app = ca_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

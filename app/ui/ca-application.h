/* ca-application.h: the Cluster Atlas application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CA_TYPE_APPLICATION (ca_application_get_type ())
G_DECLARE_FINAL_TYPE (CaApplication, ca_application, CA, APPLICATION, AdwApplication)

CaApplication *ca_application_new           (void);
/* Switches the interface language and rebuilds every window at once;
 * "" or NULL is the system default.  What app.language does. */
void           ca_application_set_language  (CaApplication *self,
                                             const char    *lang);
/* Makes sure the icon theme has the application's icon, for the windows
 * that show it (the empty page, About). */
void           ca_application_ensure_app_icon (void);

G_END_DECLS

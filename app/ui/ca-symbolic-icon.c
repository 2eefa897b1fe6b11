/* ca-symbolic-icon.c: a .symbolic.png from the resources as a symbolic icon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ca-symbolic-icon.h"

struct _CaSymbolicIcon
{
  GObject     parent_instance;
  GdkTexture *texture;
  int         size;   /* in application pixels */
};

static void ca_symbolic_icon_paintable_init (GdkPaintableInterface *iface);
static void ca_symbolic_icon_symbolic_init (GtkSymbolicPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CaSymbolicIcon, ca_symbolic_icon, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      ca_symbolic_icon_paintable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SYMBOLIC_PAINTABLE,
                                                      ca_symbolic_icon_symbolic_init))

/* In a .symbolic.png, red, green and blue say how much of the success,
 * warning and error colours replace the foreground colour, and alpha is
 * the shape: the colour matrix GTK applies to the theme's symbolic PNGs. */
static void
ca_symbolic_icon_snapshot_symbolic (GtkSymbolicPaintable *paintable,
                                    GtkSnapshot          *snapshot,
                                    double                width,
                                    double                height,
                                    const GdkRGBA        *colors,
                                    gsize                 n_colors)
{
  CaSymbolicIcon *self = CA_SYMBOLIC_ICON (paintable);
  const GdkRGBA black = { 0, 0, 0, 1 };
  const GdkRGBA *fg = n_colors > 0 ? &colors[GTK_SYMBOLIC_COLOR_FOREGROUND] : &black;
  const GdkRGBA *error = n_colors > 1 ? &colors[GTK_SYMBOLIC_COLOR_ERROR] : fg;
  const GdkRGBA *warning = n_colors > 2 ? &colors[GTK_SYMBOLIC_COLOR_WARNING] : fg;
  const GdkRGBA *success = n_colors > 3 ? &colors[GTK_SYMBOLIC_COLOR_SUCCESS] : fg;
  graphene_matrix_t matrix;
  graphene_vec4_t offset;

  graphene_matrix_init_from_float (&matrix, (float[16]) {
    success->red - fg->red, success->green - fg->green, success->blue - fg->blue, 0,
    warning->red - fg->red, warning->green - fg->green, warning->blue - fg->blue, 0,
    error->red - fg->red, error->green - fg->green, error->blue - fg->blue, 0,
    0, 0, 0, fg->alpha
  });
  graphene_vec4_init (&offset, fg->red, fg->green, fg->blue, 0);
  gtk_snapshot_push_color_matrix (snapshot, &matrix, &offset);
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
ca_symbolic_icon_snapshot (GdkPaintable *paintable,
                           GdkSnapshot  *snapshot,
                           double        width,
                           double        height)
{
  ca_symbolic_icon_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable),
                                      GTK_SNAPSHOT (snapshot), width, height, NULL, 0);
}

static int
ca_symbolic_icon_get_intrinsic_size (GdkPaintable *paintable)
{
  return CA_SYMBOLIC_ICON (paintable)->size;
}

static GdkPaintableFlags
ca_symbolic_icon_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
ca_symbolic_icon_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = ca_symbolic_icon_snapshot;
  iface->get_intrinsic_width = ca_symbolic_icon_get_intrinsic_size;
  iface->get_intrinsic_height = ca_symbolic_icon_get_intrinsic_size;
  iface->get_flags = ca_symbolic_icon_get_flags;
}

static void
ca_symbolic_icon_symbolic_init (GtkSymbolicPaintableInterface *iface)
{
  iface->snapshot_symbolic = ca_symbolic_icon_snapshot_symbolic;
}

static void
ca_symbolic_icon_finalize (GObject *object)
{
  g_clear_object (&CA_SYMBOLIC_ICON (object)->texture);

  G_OBJECT_CLASS (ca_symbolic_icon_parent_class)->finalize (object);
}

static void
ca_symbolic_icon_class_init (CaSymbolicIconClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ca_symbolic_icon_finalize;
}

static void
ca_symbolic_icon_init (CaSymbolicIcon *self)
{
}

GdkPaintable *
ca_symbolic_icon_new (const char *resource_path,
                      int         size,
                      int         scale)
{
  CaSymbolicIcon *self;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (size > 0 && scale > 0, NULL);

  self = g_object_new (CA_TYPE_SYMBOLIC_ICON, NULL);
  self->texture = gdk_texture_new_from_resource (resource_path);
  self->size = size;
  return GDK_PAINTABLE (self);
}

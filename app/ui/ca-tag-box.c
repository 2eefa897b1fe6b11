/* ca-tag-box.c: a node's tags as pills that wrap onto new lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "ca-tag-box.h"

#define COLUMN_SPACING 6
#define ROW_SPACING    6

struct _CaTagBox
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (CaTagBox, ca_tag_box, GTK_TYPE_WIDGET)

/* Places the tags in lines no wider than @width and returns the height they
 * take; allocates them too when @allocate. */
static int
ca_tag_box_flow (CaTagBox *self,
                 int       width,
                 gboolean  allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      child_width = MIN (child_width, width);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width,
                          NULL, &child_height, NULL, NULL);

      if (x > 0 && x + child_width > width)
        {
          x = 0;
          y += line_height + ROW_SPACING;
          line_height = 0;
        }
      if (allocate)
        gtk_widget_size_allocate (child,
                                  &(GtkAllocation) { rtl ? width - x - child_width : x, y,
                                                     child_width, child_height },
                                  -1);
      x += child_width + COLUMN_SPACING;
      line_height = MAX (line_height, child_height);
    }

  return y + line_height;
}

static void
measure_width (CaTagBox *self,
               int      *minimum,
               int      *natural)
{
  int n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural += child_nat + (n++ > 0 ? COLUMN_SPACING : 0);
    }
}

static void
ca_tag_box_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  CaTagBox *self = CA_TAG_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_width (self, minimum, natural);
      return;
    }

  *minimum = *natural = ca_tag_box_flow (self, for_size < 0 ? G_MAXINT / 2 : for_size, FALSE);
}

static void
ca_tag_box_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  ca_tag_box_flow (CA_TAG_BOX (widget), width, TRUE);
}

static GtkSizeRequestMode
ca_tag_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ca_tag_box_dispose (GObject *object)
{
  ca_tag_box_remove_all (CA_TAG_BOX (object));

  G_OBJECT_CLASS (ca_tag_box_parent_class)->dispose (object);
}

static void
ca_tag_box_class_init (CaTagBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ca_tag_box_dispose;
  widget_class->measure = ca_tag_box_measure;
  widget_class->size_allocate = ca_tag_box_size_allocate;
  widget_class->get_request_mode = ca_tag_box_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "tagbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ca_tag_box_init (CaTagBox *self)
{
}

void
ca_tag_box_remove_all (CaTagBox *self)
{
  GtkWidget *child;

  g_return_if_fail (CA_IS_TAG_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

void
ca_tag_box_add_tag (CaTagBox   *self,
                    const char *tag)
{
  GtkWidget *button, *label;
  g_autofree char *description = NULL;

  g_return_if_fail (CA_IS_TAG_BOX (self));
  g_return_if_fail (tag != NULL);

  /* A chip is a button: it shows the figures with its tag on the Figures
   * page, through the window's win.show-tag. */
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", tag,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        NULL);
  gtk_widget_add_css_class (label, "caption");
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "ca-tag");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", tag);
  /* Translators: the tooltip of a tag's chip; %s is the tag */
  description = g_strdup_printf (_("Show the figures tagged “%s”"), tag);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tag,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  ca_tag_box_add_widget (self, button);
}

void
ca_tag_box_add_widget (CaTagBox  *self,
                       GtkWidget *child)
{
  g_return_if_fail (CA_IS_TAG_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkWidget *
ca_tag_box_add_chip (CaTagBox   *self,
                     const char *text,
                     const char *remove_name)
{
  GtkWidget *chip, *label, *remove;

  g_return_val_if_fail (CA_IS_TAG_BOX (self), NULL);
  g_return_val_if_fail (text != NULL && remove_name != NULL, NULL);

  chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  label = gtk_label_new (text);
  remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (chip, "ca-chip");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), remove);
  ca_tag_box_add_widget (self, chip);
  return remove;
}

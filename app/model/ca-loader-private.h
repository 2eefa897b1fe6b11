/* ca-loader-private.h: the state of one load, shared by the parser glue
 * (ca-loader.c) and the model builder (ca-loader-build.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/parser.h>

#include "ca-dataset-private.h"
#include "ca-prescan.h"

G_BEGIN_DECLS

#define CA_ATLAS_NAMESPACE "urn:cluster-atlas:1"
#define CA_ATLAS_VERSION   "1"

typedef enum {
  FRAME_ATLAS,
  FRAME_METRICS,
  FRAME_SOURCES,
  FRAME_METRIC,
  FRAME_SOURCE,
  FRAME_REGION,
  FRAME_PARK,
  FRAME_PROGRAM,
  FRAME_NAME,
  FRAME_TITLE,
  FRAME_SUMMARY,
  FRAME_TAG,
  FRAME_GOAL,
  FRAME_COUNT,
  N_FRAME_KINDS
} CaFrameKind;

/* One open element of the format.  The arrays fill while its children are
 * read and become the fixed arrays of the model when it ends. */
typedef struct {
  CaFrameKind   kind;
  guint         line;
  guint         column;
  gboolean      text_reported;
  CaNode       *node;
  CaMetricPriv *metric;
  CaSource     *source;
  GArray       *names;      /* CaTextEntry: names or titles */
  GArray       *summaries;  /* CaTextEntry */
  GPtrArray    *children;   /* CaNode */
  GArray       *figures;    /* CaFigure */
  GPtrArray    *tags;       /* const char *, in the string chunk */
  const char   *lang;       /* of a name, title or summary */
} CaFrame;

/* A figure's metric and source, resolved when the whole file is read. */
typedef struct {
  CaNode     *node;
  guint       index;
  const char *metric_id;
  const char *source_id;
  guint       line;
  guint       column;
} CaPendingRef;

typedef struct {
  char              *display_name;
  GPtrArray         *problems;     /* borrowed */
  xmlParserCtxtPtr   ctxt;
  CaPrescan          scan;
  CaDatasetContents *contents;
  GHashTable        *id_lines;     /* id -> line where it was defined */
  GArray            *refs;         /* CaPendingRef */
  CaFrame            frames[CA_LOADER_MAX_DEPTH + 1];
  guint              n_frames;
  guint              element_depth;
  guint              skip_depth;   /* > 0 inside an ignored subtree */
  GString           *text;
  GString           *values;
  gboolean           seen_root;
  gboolean           stopped;      /* fatal: nothing more is read */
  gboolean           failed;
} CaLoader;

CaLoader *ca_loader_new           (const char *display_name,
                                   GPtrArray  *problems);
void      ca_loader_free          (CaLoader   *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaLoader, ca_loader_free)

void      ca_loader_start_element (CaLoader    *self,
                                   const char  *localname,
                                   const char  *uri,
                                   int          n_attributes,
                                   const char **attributes);
void      ca_loader_end_element   (CaLoader    *self);
void      ca_loader_characters    (CaLoader    *self,
                                   const char  *text,
                                   gsize        length);
void      ca_loader_finish        (CaLoader    *self);

void      ca_loader_stop          (CaLoader    *self);
guint     ca_loader_line          (CaLoader    *self);
guint     ca_loader_column        (CaLoader    *self);
void      ca_loader_problem       (CaLoader    *self,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (2, 3);
void      ca_loader_problem_at    (CaLoader    *self,
                                   guint        line,
                                   guint        column,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
